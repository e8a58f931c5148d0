using System.Net;
using System.Text;

namespace NetworkMachinery.SFlow.Tests;

/// <summary>
/// Text forms checked against <see cref="IPAddress.ToString"/>, which follows RFC 5952 (lower case, no leading
/// zeros, the longest run of two or more zero groups compressed, the first on a tie), on thousands of seeded
/// random addresses biased towards zero runs.
/// </summary>
/// <remarks>
/// Where .NET departs from RFC 5952 the decoder follows the RFC, and the cases are pinned in
/// <see cref="ToString_WhereDotNetDiffers_FollowsRfc5952"/>. RFC 5952 section 5 recommends the mixed (dotted tail)
/// notation only for addresses that can be told to embed IPv4 from the address itself: the IPv4-mapped prefix
/// ::ffff:0:0/96. .NET also prints dotted tails for the deprecated IPv4-compatible form (::a.b.c.d, RFC 4291
/// 2.5.5.1), for SIIT (::ffff:0:a.b.c.d) and for any interface identifier 0:5efe (ISATAP, which only the link can
/// confirm), and prints an IPv4-mapped address whose IPv4 part starts 0.0 in hexadecimal.
/// </remarks>
public class IpAddressValueFormattingTests
{
    private const int Seed = 5952;

    [Fact]
    public void ToString_RandomIPv4_MatchesIPAddress()
    {
        var random = new Random(Seed);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < 4000; i++)
        {
            random.NextBytes(bytes);
            var expected = new IPAddress(bytes).ToString();

            var value = IpAddressValue.FromIPv4(bytes);

            Assert.Equal(expected, value.ToString());
            Assert.Equal(expected, FormatUtf8(value));
        }
    }

    [Fact]
    public void ToString_RandomIPv6_MatchesIPAddressOutsideItsEmbeddedIPv4Forms()
    {
        var random = new Random(Seed);
        Span<byte> bytes = stackalloc byte[16];
        var compared = 0;
        for (var i = 0; i < 6000; i++)
        {
            FillGroups(random, bytes);
            var address = new IPAddress(bytes);
            var value = IpAddressValue.FromIPv6(bytes);
            if (DotNetDiffersFromRfc5952(bytes))
            {
                continue;
            }

            var expected = address.ToString();
            Assert.Equal(expected, value.ToString());
            Assert.Equal(expected, FormatUtf8(value));
            compared++;
        }

        Assert.True(compared > 5500, $"only {compared} addresses compared");
    }

    [Theory]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("1::")]
    [InlineData("::1:2:3")]
    [InlineData("1:2::")]
    [InlineData("1::8")]
    [InlineData("1:0:3:4:5:6:7:8")]
    [InlineData("1:2:3:4:5:6:7:0")]
    [InlineData("0:2:3:4:5:6:7:8")]
    [InlineData("1::4:0:0:7:8")]
    [InlineData("1:0:0:4::")]
    [InlineData("1::5:0:0:8")]
    [InlineData("::4:0:0:0:8")]
    [InlineData("fe80::1:2:3:4")]
    [InlineData("2001:db8:0:0:1:0:0:1")]
    [InlineData("2001:db8::ffff:0:1")]
    [InlineData("::ffff:1.2.3.4")]
    [InlineData("::ffff:255.255.255.255")]
    [InlineData("::ffff:0:0:1")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("64:ff9b::1.2.3.4")]
    public void ToString_SpecialShapes_MatchIPAddress(string text)
    {
        var address = IPAddress.Parse(text);

        Assert.Equal(address.ToString(), IpAddressValue.FromIPAddress(address).ToString());
    }

    [Theory]
    [InlineData("::1.2.3.4", "::102:304", "::1.2.3.4")]
    [InlineData("::2:3", "::2:3", "::0.2.0.3")]
    [InlineData("::255.255.0.1", "::ffff:1", "::255.255.0.1")]
    [InlineData("::ffff:0:1.2.3.4", "::ffff:0:102:304", "::ffff:0:1.2.3.4")]
    [InlineData("1:2:3:4:0:5efe:1.2.3.4", "1:2:3:4:0:5efe:102:304", "1:2:3:4:0:5efe:1.2.3.4")]
    [InlineData("fe80::5efe:a00:1", "fe80::5efe:a00:1", "fe80::5efe:10.0.0.1")]
    [InlineData("::ffff:0.0.1.2", "::ffff:0.0.1.2", "::ffff:0:102")]
    [InlineData("::ffff:0.0.0.0", "::ffff:0.0.0.0", "::ffff:0:0")]
    public void ToString_WhereDotNetDiffers_FollowsRfc5952(string input, string rfc5952, string dotNet)
    {
        var address = IPAddress.Parse(input);

        Assert.Equal(dotNet, address.ToString());
        Assert.Equal(rfc5952, IpAddressValue.FromIPAddress(address).ToString());
    }

    [Fact]
    public void TryFormat_DestinationOneCharTooShort_ReturnsFalse()
    {
        var value = IpAddressValue.FromIPAddress(IPAddress.Parse("2001:db8::1"));

        Assert.False(value.TryFormat(new char[10], out var written));
        Assert.Equal(0, written);
        Assert.False(value.TryFormat(new byte[10], out _));
        Assert.True(value.TryFormat(new char[11], out written));
        Assert.Equal(11, written);
    }

    [Fact]
    public void ToString_AbsentAddress_IsEmpty()
    {
        Assert.Equal(string.Empty, default(IpAddressValue).ToString());
        Assert.True(default(IpAddressValue).TryFormat(Span<byte>.Empty, out var written));
        Assert.Equal(0, written);
    }

    /// <summary>.NET's own rule for printing a dotted IPv4 tail, and its hexadecimal IPv4-mapped case.</summary>
    private static bool DotNetDiffersFromRfc5952(ReadOnlySpan<byte> bytes)
    {
        Span<ushort> g = stackalloc ushort[8];
        for (var i = 0; i < 8; i++)
        {
            g[i] = (ushort)((bytes[2 * i] << 8) | bytes[(2 * i) + 1]);
        }

        var firstFourZero = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0;
        var compatibleOrMapped = firstFourZero && g[6] != 0 && g[4] == 0 && (g[5] == 0 || g[5] == 0xFFFF);
        var siit = firstFourZero && g[6] != 0 && g[4] == 0xFFFF && g[5] == 0;
        var isatap = g[4] == 0 && g[5] == 0x5EFE;
        var mappedWithoutDottedTail = firstFourZero && g[4] == 0 && g[5] == 0xFFFF && g[6] == 0;
        var mappedWithDottedTail = compatibleOrMapped && g[5] == 0xFFFF;
        return (compatibleOrMapped && !mappedWithDottedTail) || siit || isatap || mappedWithoutDottedTail;
    }

    /// <summary>Random groups, each zero with probability one half, so zero runs of every length and position occur.</summary>
    private static void FillGroups(Random random, Span<byte> bytes)
    {
        for (var i = 0; i < 8; i++)
        {
            var group = random.Next(2) == 0 ? 0 : random.Next(4) == 0 ? random.Next(1, 16) : random.Next(1, 65536);
            bytes[2 * i] = (byte)(group >> 8);
            bytes[(2 * i) + 1] = (byte)group;
        }

        // Now and then the IPv4-mapped prefix, whose tail is printed dotted by both.
        if (random.Next(50) == 0)
        {
            bytes[..10].Clear();
            bytes[10] = 0xFF;
            bytes[11] = 0xFF;
            bytes[12] = (byte)random.Next(1, 256);
        }
    }

    private static string FormatUtf8(IpAddressValue value)
    {
        Span<byte> utf8 = stackalloc byte[IpAddressValue.MaxTextLength];
        Assert.True(value.TryFormat(utf8, out var written));
        return Encoding.ASCII.GetString(utf8[..written]);
    }
}
