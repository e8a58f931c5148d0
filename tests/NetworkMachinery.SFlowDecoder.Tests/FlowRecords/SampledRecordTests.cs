using NetworkMachinery.SFlow.Tests.Support;
using NetworkMachinery.Testing.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.SFlow.Tests;

/// <summary>Records 1-4 and the tunnel records that share their layouts (1021-1026).</summary>
public class SampledRecordTests
{
    [Fact]
    public void TryRead_RawPacketHeader_ReadsProtocolLengthsAndHeaderBytes()
    {
        byte[] header = [0xDE, 0xAD, 0xBE, 0xEF, 0x01, 0x02, 0x03];

        RecordDecoding.InFlowSample(FlowRecordEncoder.RawPacketHeader(HeaderProtocol.IPv6, 0x0001_0203, 0x0405_0607, header), record =>
        {
            Assert.Equal(FlowRecordFormat.RawPacketHeader, record.FlowFormat);
            Assert.True(record.TryRead<RawPacketHeader>(out var raw, out _));
            Assert.Equal(HeaderProtocol.IPv6, raw.Protocol);
            Assert.Equal(0x0001_0203u, raw.FrameLength);
            Assert.Equal(0x0405_0607u, raw.Stripped);
            Assert.Equal(header, raw.Header.ToArray());
        });
    }

    [Fact]
    public void TryRead_RawPacketHeaderLongerThanTheRecord_OpaqueLengthOutOfRange()
    {
        var encoded = SFlowStructure.Create((uint)FlowRecordFormat.RawPacketHeader, w => w.WriteUInt32s(1, 100, 4).WriteUInt32(200).WriteRaw(new byte[8]));

        Assert.Equal(new SFlowError(SFlowErrorCode.OpaqueLengthOutOfRange, 68 + 8 + 12), RecordDecoding.FlowError<RawPacketHeader>(encoded));
    }

    [Theory]
    [InlineData(FlowRecordFormat.Ethernet)]
    [InlineData(FlowRecordFormat.ExtendedL2TunnelEgress)]
    [InlineData(FlowRecordFormat.ExtendedL2TunnelIngress)]
    public void TryRead_SampledEthernetLayout_ReadsEveryField(FlowRecordFormat format)
    {
        var expected = new SampledEthernet(0x0000_05EE, Mac("01:02:03:04:05:06"), Mac("a1:a2:a3:a4:a5:a6"), 0x0000_88CC);

        var decoded = RecordDecoding.DecodeFlow<SampledEthernet>(FlowRecordEncoder.Ethernet(expected, format));

        Assert.Equal(expected, decoded);
        Assert.Equal("01:02:03:04:05:06", decoded.SourceMac.ToString());
    }

    [Theory]
    [InlineData(FlowRecordFormat.IPv4)]
    [InlineData(FlowRecordFormat.ExtendedIPv4TunnelEgress)]
    [InlineData(FlowRecordFormat.ExtendedIPv4TunnelIngress)]
    public void TryRead_SampledIPv4Layout_ReadsEveryField(FlowRecordFormat format)
    {
        var expected = new SampledIPv4(1401, 6, Ip("10.1.2.3"), Ip("10.4.5.6"), 40_001, 443, 0x0000_0012, 0x0000_00B8);

        var decoded = RecordDecoding.DecodeFlow<SampledIPv4>(FlowRecordEncoder.IPv4(expected, format));

        Assert.Equal(expected, decoded);
        Assert.Equal("10.1.2.3", decoded.SourceAddress.ToString());
        Assert.Equal("10.4.5.6", decoded.DestinationAddress.ToString());
    }

    [Theory]
    [InlineData(FlowRecordFormat.IPv6)]
    [InlineData(FlowRecordFormat.ExtendedIPv6TunnelEgress)]
    [InlineData(FlowRecordFormat.ExtendedIPv6TunnelIngress)]
    public void TryRead_SampledIPv6Layout_ReadsEveryField(FlowRecordFormat format)
    {
        var expected = new SampledIPv6(1402, 17, Ip("2001:db8::1:2"), Ip("2001:db8:ffff::3"), 5353, 53, 0x0000_0001, 0x0000_002E);

        var decoded = RecordDecoding.DecodeFlow<SampledIPv6>(FlowRecordEncoder.IPv6(expected, format));

        Assert.Equal(expected, decoded);
        Assert.Equal("2001:db8::1:2", decoded.SourceAddress.ToString());
        Assert.Equal("2001:db8:ffff::3", decoded.DestinationAddress.ToString());
    }
}
