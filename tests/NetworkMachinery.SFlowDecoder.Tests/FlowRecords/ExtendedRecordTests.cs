using System.Text;
using NetworkMachinery.SFlow.Tests.Support;
using NetworkMachinery.Testing.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.SFlow.Tests;

/// <summary>The extended flow records with fixed or string fields: 1001, 1002, 1004, 1005, 1007 and 1027-1030.</summary>
public class ExtendedRecordTests
{
    [Fact]
    public void TryRead_ExtendedSwitch_ReadsEveryField()
    {
        var expected = new ExtendedSwitch(0x0000_0FFE, 5, 0x0000_0123, 7);

        Assert.Equal(expected, RecordDecoding.DecodeFlow<ExtendedSwitch>(FlowRecordEncoder.ExtendedSwitch(expected)));
    }

    [Theory]
    [InlineData("192.0.2.254")]
    [InlineData("2001:db8::fe")]
    public void TryRead_ExtendedRouter_ReadsNextHopOfEitherFamilyAndMaskLengths(string nextHop)
    {
        var expected = new ExtendedRouter(Ip(nextHop), 23, 31);

        var decoded = RecordDecoding.DecodeFlow<ExtendedRouter>(FlowRecordEncoder.ExtendedRouter(expected));

        Assert.Equal(expected, decoded);
        Assert.Equal(nextHop, decoded.NextHop.ToString());
    }

    [Fact]
    public void TryRead_ExtendedRouterWithUnknownNextHop_ReadsAbsentAddress()
    {
        var decoded = RecordDecoding.DecodeFlow<ExtendedRouter>(FlowRecordEncoder.ExtendedRouter(new ExtendedRouter(default, 8, 16)));

        Assert.True(decoded.NextHop.IsNone);
        Assert.Equal(8u, decoded.SourceMaskLength);
        Assert.Equal(16u, decoded.DestinationMaskLength);
    }

    [Fact]
    public void TryRead_ExtendedUser_ReadsCharsetsAndNames()
    {
        RecordDecoding.InFlowSample(FlowRecordEncoder.ExtendedUser(106, "alice@example"u8, 4, "böb"u8), record =>
        {
            Assert.True(record.TryRead<ExtendedUser>(out var user, out _));
            Assert.Equal(106u, user.SourceCharset);
            Assert.Equal("alice@example", Encoding.UTF8.GetString(user.SourceUser));
            Assert.Equal(4u, user.DestinationCharset);
            Assert.Equal("böb", Encoding.UTF8.GetString(user.DestinationUser));
        });
    }

    [Fact]
    public void TryRead_ExtendedUrl_ReadsDirectionUrlAndHost()
    {
        RecordDecoding.InFlowSample(FlowRecordEncoder.ExtendedUrl(2, "/a/b?c=d"u8, "www.example.net"u8), record =>
        {
            Assert.True(record.TryRead<ExtendedUrl>(out var url, out _));
            Assert.Equal(2u, url.Direction);
            Assert.Equal("/a/b?c=d", Encoding.ASCII.GetString(url.Url));
            Assert.Equal("www.example.net", Encoding.ASCII.GetString(url.Host));
        });
    }

    [Fact]
    public void TryRead_ExtendedUrlWithEmptyStrings_ReadsEmptySpans()
    {
        RecordDecoding.InFlowSample(FlowRecordEncoder.ExtendedUrl(1, [], []), record =>
        {
            Assert.True(record.TryRead<ExtendedUrl>(out var url, out _));
            Assert.Equal(1u, url.Direction);
            Assert.True(url.Url.IsEmpty);
            Assert.True(url.Host.IsEmpty);
        });
    }

    [Fact]
    public void TryRead_ExtendedNat_ReadsBothAddressesOfMixedFamilies()
    {
        var expected = new ExtendedNat(Ip("203.0.113.9"), Ip("2001:db8::99"));

        Assert.Equal(expected, RecordDecoding.DecodeFlow<ExtendedNat>(FlowRecordEncoder.ExtendedNat(expected)));
    }

    [Theory]
    [InlineData(FlowRecordFormat.ExtendedDecapsulateEgress, 0x0102_0304u)]
    [InlineData(FlowRecordFormat.ExtendedDecapsulateIngress, 50u)]
    public void TryRead_ExtendedDecapsulation_ReadsInnerHeaderOffset(FlowRecordFormat format, uint offset)
    {
        var decoded = RecordDecoding.DecodeFlow<ExtendedDecapsulation>(FlowRecordEncoder.ExtendedDecapsulation(format, new ExtendedDecapsulation(offset)));

        Assert.Equal(offset, decoded.InnerHeaderOffset);
    }

    [Theory]
    [InlineData(FlowRecordFormat.ExtendedVniEgress, 0x00FF_FFFFu)]
    [InlineData(FlowRecordFormat.ExtendedVniIngress, 4097u)]
    public void TryRead_ExtendedVni_ReadsVni(FlowRecordFormat format, uint vni)
    {
        var decoded = RecordDecoding.DecodeFlow<ExtendedVni>(FlowRecordEncoder.ExtendedVni(format, new ExtendedVni(vni)));

        Assert.Equal(vni, decoded.Vni);
    }
}
