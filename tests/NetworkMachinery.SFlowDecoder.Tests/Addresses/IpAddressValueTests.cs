using System.Net;

namespace NetworkMachinery.SFlow.Tests;

public class IpAddressValueTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("203.0.113.255")]
    [InlineData("::")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void FromIPAddress_RoundTripsThroughBytesAndToIPAddress(string text)
    {
        var address = IPAddress.Parse(text);
        var value = IpAddressValue.FromIPAddress(address);
        Span<byte> bytes = stackalloc byte[16];

        var length = value.WriteBytes(bytes);

        Assert.Equal(address.GetAddressBytes(), bytes[..length].ToArray());
        Assert.Equal(address, value.ToIPAddress());
        Assert.Equal(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? IpFamily.IPv4 : IpFamily.IPv6, value.Family);
    }

    [Fact]
    public void FromIPv4_BytesAndNumber_AreTheSameAddress()
    {
        var fromBytes = IpAddressValue.FromIPv4([10, 20, 30, 40]);
        var fromNumber = IpAddressValue.FromIPv4(0x0A14_1E28u);

        Assert.Equal(fromBytes, fromNumber);
        Assert.Equal(0x0A14_1E28u, fromBytes.IPv4Value);
        Assert.Equal("10.20.30.40", fromBytes.ToString());
    }

    [Fact]
    public void Equals_IPv4AndIPv4CompatibleIPv6WithSameLowBits_AreDifferent()
    {
        var ipv4 = IpAddressValue.FromIPv4([1, 2, 3, 4]);
        var ipv6 = IpAddressValue.FromIPv6([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);

        Assert.NotEqual(ipv4, ipv6);
        Assert.False(ipv4 == ipv6);
        Assert.True(ipv4 != ipv6);
        Assert.Equal(0u, ipv6.IPv4Value);
    }

    [Fact]
    public void Equals_SameAddressFromDifferentSources_EqualWithEqualHashes()
    {
        var a = IpAddressValue.FromIPAddress(IPAddress.Parse("2001:db8::42"));
        var b = IpAddressValue.FromIPv6(IPAddress.Parse("2001:db8::42").GetAddressBytes());

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a.Equals("2001:db8::42"));
    }

    [Fact]
    public void Equals_AddressesDifferingInHighOrLowHalf_AreDifferent()
    {
        var a = IpAddressValue.FromIPAddress(IPAddress.Parse("2001:db8::1"));

        Assert.NotEqual(a, IpAddressValue.FromIPAddress(IPAddress.Parse("2001:db9::1")));
        Assert.NotEqual(a, IpAddressValue.FromIPAddress(IPAddress.Parse("2001:db8::2")));
    }

    [Fact]
    public void Default_IsNoneAndWritesNothing()
    {
        var none = default(IpAddressValue);

        Assert.True(none.IsNone);
        Assert.Equal(IpFamily.None, none.Family);
        Assert.Equal(0, none.WriteBytes(new byte[16]));
        Assert.Null(none.ToIPAddress());
        Assert.NotEqual(none, IpAddressValue.FromIPv4(0));
    }

    [Fact]
    public void HashSet_ManyAddresses_TellsThemApart()
    {
        var set = new HashSet<IpAddressValue>();
        for (uint i = 0; i < 1000; i++)
        {
            set.Add(IpAddressValue.FromIPv4(i));
            set.Add(IpAddressValue.FromIPv6(IPAddress.Parse($"2001:db8::{i:x}").GetAddressBytes()));
        }

        Assert.Equal(2000, set.Count);
        Assert.Contains(IpAddressValue.FromIPv4(999), set);
    }
}
