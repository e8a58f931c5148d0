using NetworkMachinery.SFlow.Tests.Support;
using NetworkMachinery.Testing.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.SFlow.Tests;

public class ExtendedGatewayTests
{
    [Fact]
    public void TryRead_GatewayWithPathAndCommunities_ReadsEveryField()
    {
        var encoded = FlowRecordEncoder.ExtendedGateway(
            Ip("2001:db8::1"), 64_501, 64_502, 64_503,
            [AsPathSegmentValue.Sequence(64_503, 64_510, 64_511), AsPathSegmentValue.Set(65_001, 65_002)],
            [0xFDE8_0064, 0xFDE8_00C8, 0xFFFF_FF01],
            250);

        RecordDecoding.InFlowSample(encoded, record =>
        {
            Assert.True(record.TryRead<ExtendedGateway>(out var gateway, out _));
            Assert.Equal("2001:db8::1", gateway.NextHop.ToString());
            Assert.Equal(64_501u, gateway.As);
            Assert.Equal(64_502u, gateway.SourceAs);
            Assert.Equal(64_503u, gateway.SourcePeerAs);
            Assert.Equal(250u, gateway.LocalPreference);
            Assert.Equal([0xFDE8_0064u, 0xFDE8_00C8u, 0xFFFF_FF01u], ToArray(gateway.Communities));

            Assert.Equal(2, gateway.DestinationAsPath.SegmentCount);
            var segments = new List<(uint Type, uint[] Numbers)>();
            foreach (var segment in gateway.DestinationAsPath)
            {
                segments.Add((segment.Type, ToArray(segment.Numbers)));
            }

            Assert.Equal(2u, segments[0].Type);
            Assert.Equal([64_503u, 64_510u, 64_511u], segments[0].Numbers);
            Assert.Equal(1u, segments[1].Type);
            Assert.Equal([65_001u, 65_002u], segments[1].Numbers);

            // The origin AS is the last number of the last segment.
            Assert.Equal(65_002u, gateway.DestinationAsPath.LastAs);
        });
    }

    [Fact]
    public void TryRead_GatewayWithEmptyPathAndNoCommunities_ReadsLocalPreferenceAfterThem()
    {
        var encoded = FlowRecordEncoder.ExtendedGateway(Ip("10.0.0.1"), 1, 2, 3, [], [], 0xABCD);

        RecordDecoding.InFlowSample(encoded, record =>
        {
            Assert.True(record.TryRead<ExtendedGateway>(out var gateway, out _));
            Assert.Equal(0, gateway.DestinationAsPath.SegmentCount);
            Assert.Equal(0u, gateway.DestinationAsPath.LastAs);
            Assert.Equal(0, gateway.Communities.Count);
            Assert.Equal(0xABCDu, gateway.LocalPreference);
        });
    }

    [Fact]
    public void LastAs_TrailingEmptySegment_KeepsTheLastNumberSeen()
    {
        var encoded = FlowRecordEncoder.ExtendedGateway(
            Ip("10.0.0.1"), 1, 2, 3, [AsPathSegmentValue.Sequence(100, 200), AsPathSegmentValue.Set()], [], 0);

        RecordDecoding.InFlowSample(encoded, record =>
        {
            Assert.True(record.TryRead<ExtendedGateway>(out var gateway, out _));
            Assert.Equal(200u, gateway.DestinationAsPath.LastAs);
        });
    }

    [Fact]
    public void TryRead_LocalPreferenceMissing_RecordTooShort()
    {
        var encoded = SFlowStructure.Create((uint)FlowRecordFormat.ExtendedGateway, w => w
            .WriteAddress(Ip("10.0.0.1")).WriteUInt32s(1, 2, 3).WriteUInt32(0).WriteUInt32(0));

        Assert.Equal(new SFlowError(SFlowErrorCode.RecordTooShort, 68 + 8 + 8 + 12 + 8), RecordDecoding.FlowError<ExtendedGateway>(encoded));
    }

    private static uint[] ToArray(XdrUInt32List list)
    {
        var result = new uint[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            result[i] = list[i];
        }

        return result;
    }
}
