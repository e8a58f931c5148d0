using System.Text;

namespace NetworkMachinery.SFlow.Tests;

public class MacAddressTests
{
    [Fact]
    public void Read_SixBytes_FirstOctetMostSignificant()
    {
        var mac = MacAddress.Read([0x00, 0x1B, 0x21, 0xAB, 0xCD, 0xEF, 0x99, 0x99]);

        Assert.Equal(0x001B_21AB_CDEFul, mac.Value);
        Assert.Equal("00:1b:21:ab:cd:ef", mac.ToString());
    }

    [Fact]
    public void FromValue_HighBitsSet_KeepsOnlyFortyEightBits()
    {
        var mac = MacAddress.FromValue(0xFFFF_0102_0304_0506);

        Assert.Equal(0x0102_0304_0506ul, mac.Value);
        Assert.Equal("01:02:03:04:05:06", mac.ToString());
    }

    [Fact]
    public void TryFormat_Utf8_WritesSeventeenLowerCaseBytes()
    {
        var utf8 = new byte[MacAddress.TextLength];

        Assert.True(MacAddress.FromValue(0xFFFF_FFFF_FFFF).TryFormat(utf8, out var written));

        Assert.Equal(17, written);
        Assert.Equal("ff:ff:ff:ff:ff:ff", Encoding.ASCII.GetString(utf8));
    }

    [Fact]
    public void TryFormat_DestinationTooShort_ReturnsFalse()
    {
        var mac = MacAddress.FromValue(1);

        Assert.False(mac.TryFormat(new char[16], out var chars));
        Assert.Equal(0, chars);
        Assert.False(mac.TryFormat(new byte[16], out _));
        Assert.Equal("00:00:00:00:00:01", $"{mac}");
    }

    [Fact]
    public void Equals_SameAndDifferentValues()
    {
        var a = MacAddress.FromValue(0x0200_0000_0001);
        var b = MacAddress.Read([0x02, 0, 0, 0, 0, 0x01]);
        var c = MacAddress.FromValue(0x0200_0000_0002);

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.True(a != c);
        Assert.False(a.Equals((object)c));
    }
}
