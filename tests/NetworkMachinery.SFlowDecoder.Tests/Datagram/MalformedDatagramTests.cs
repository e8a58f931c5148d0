using NetworkMachinery.SFlow.Tests.Support;
using NetworkMachinery.Testing.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.SFlow.Tests;

/// <summary>
/// Crafted malformations, each with the error code and the byte offset it must report. With an IPv4 agent the header
/// takes 28 bytes (the sample count is the word at 24), so the first sample's tag is at 28 and its length at 32.
/// A compact flow sample's record count is at 28 + 8 + 28 = 64 and its first record's tag at 68.
/// </summary>
public class MalformedDatagramTests
{
    private const int FirstSampleLength = 32;
    private const int FlowSampleRecordCount = 64;
    private const int FirstFlowRecord = 68;
    private const int CounterSampleRecordCount = 44;
    private const int FirstCounterRecord = 48;

    [Theory]
    [InlineData(0u)]
    [InlineData(2u)]
    [InlineData(4u)]
    [InlineData(0x0500_0000u)]
    public void Walk_VersionOtherThanFive_UnsupportedVersionAtZero(uint version)
    {
        var datagram = new SFlowDatagramBuilder().Version(version).CounterSample(_ => { }).Build();

        Assert.Equal(new SFlowError(SFlowErrorCode.UnsupportedVersion, 0), DatagramWalker.Walk(datagram).Error);
    }

    [Theory]
    [InlineData(3u)]
    [InlineData(0xFFFF_FFFFu)]
    public void Walk_UnknownAgentAddressType_UnknownAddressTypeAtFour(uint type)
    {
        var datagram = new SFlowDatagramBuilder().AgentRaw(type, new byte[16]).Build();

        Assert.Equal(new SFlowError(SFlowErrorCode.UnknownAddressType, 4), DatagramWalker.Walk(datagram).Error);
    }

    [Fact]
    public void TryReadHeader_AgentAddressTypeZero_ReadsAnAbsentAgent()
    {
        var datagram = new SFlowDatagramBuilder().Agent(default).SequenceNumber(3).Build();
        var reader = new SFlowDatagramReader(datagram);

        Assert.True(reader.TryReadHeader(out var header));

        Assert.True(header.AgentAddress.IsNone);
        Assert.Equal(3u, header.SequenceNumber);
    }

    [Theory]
    [InlineData(3u)]
    [InlineData(1000u)]
    [InlineData(0x2000_0000u)]
    [InlineData(uint.MaxValue)]
    public void Walk_SampleCountThatCannotFit_CountOutOfRangeAtTheCountWord(uint count)
    {
        var datagram = new SFlowDatagramBuilder().DeclaredSampleCount(count).CounterSample(_ => { }).Build();

        Assert.Equal(new SFlowError(SFlowErrorCode.CountOutOfRange, 24), DatagramWalker.Walk(datagram).Error);
    }

    [Fact]
    public void Walk_SampleCountOneMoreThanPresentButFitting_TruncatedAfterTheLastSample()
    {
        // Two samples declared, one present plus 8 stray bytes: the count fits, the second sample's header does not.
        var datagram = new SFlowDatagramBuilder().DeclaredSampleCount(2).CounterSample(_ => { }).Build();
        datagram = [.. datagram, 0, 0, 0, 2, 0, 0, 0];

        var walk = DatagramWalker.Walk(datagram);

        Assert.Equal(1, walk.Samples);
        Assert.Equal(new SFlowError(SFlowErrorCode.Truncated, datagram.Length - 3), walk.Error);
    }

    [Theory]
    [InlineData(1000u)]
    [InlineData(0xFFFF_FFFCu)]
    [InlineData(uint.MaxValue)]
    public void Walk_SampleLengthPastEnd_SampleLengthOutOfRangeAtTheLengthWord(uint length)
    {
        var datagram = new SFlowDatagramBuilder().FlowSample(s => s.DeclaredLength(length)).Build();

        Assert.Equal(new SFlowError(SFlowErrorCode.SampleLengthOutOfRange, FirstSampleLength), DatagramWalker.Walk(datagram).Error);
    }

    [Fact]
    public void Walk_SecondSampleLengthPastEnd_FirstSampleStillReadThenError()
    {
        var first = new CounterSampleBuilder().Build();
        var datagram = new SFlowDatagramBuilder().Sample(first).CounterSample(s => s.DeclaredLength(64)).Build();

        var walk = DatagramWalker.Walk(datagram);

        Assert.Equal(1, walk.Samples);
        var secondLengthWord = 28 + 8 + first.Data.Length + 4;
        Assert.Equal(new SFlowError(SFlowErrorCode.SampleLengthOutOfRange, secondLengthWord), walk.Error);
    }

    [Fact]
    public void Walk_FlowSampleShorterThanItsFixedFields_TruncatedInsideTheSample()
    {
        var datagram = new SFlowDatagramBuilder().Sample(SFlowStructure.Create(0, 1, new byte[20])).Build();

        Assert.Equal(new SFlowError(SFlowErrorCode.Truncated, 36), DatagramWalker.Walk(datagram).Error);
    }

    [Theory]
    [InlineData(2u)]
    [InlineData(0x1000_0000u)]
    [InlineData(uint.MaxValue)]
    public void Walk_FlowSampleRecordCountThatCannotFit_CountOutOfRangeAtTheCountWord(uint count)
    {
        var datagram = new SFlowDatagramBuilder()
            .FlowSample(s => s.DeclaredRecordCount(count).Record(FlowRecordEncoder.ExtendedVni(FlowRecordFormat.ExtendedVniEgress, new ExtendedVni(1))))
            .Build();

        Assert.Equal(new SFlowError(SFlowErrorCode.CountOutOfRange, FlowSampleRecordCount), DatagramWalker.Walk(datagram).Error);
    }

    [Fact]
    public void Walk_CounterSampleRecordCountThatCannotFit_CountOutOfRangeAtTheCountWord()
    {
        var datagram = new SFlowDatagramBuilder().CounterSample(s => s.DeclaredRecordCount(uint.MaxValue)).Build();

        Assert.Equal(new SFlowError(SFlowErrorCode.CountOutOfRange, CounterSampleRecordCount), DatagramWalker.Walk(datagram).Error);
    }

    [Theory]
    [InlineData(5u)]
    [InlineData(0x7FFF_FFFFu)]
    [InlineData(uint.MaxValue)]
    public void Walk_RecordLengthPastSampleEnd_RecordLengthOutOfRangeAtTheLengthWord(uint length)
    {
        var datagram = new SFlowDatagramBuilder()
            .FlowSample(s => s.Record(SFlowStructure.Create(0, 999, []).WithDeclaredLength(length)))
            .Build();

        Assert.Equal(new SFlowError(SFlowErrorCode.RecordLengthOutOfRange, FirstFlowRecord + 4), DatagramWalker.Walk(datagram).Error);
    }

    [Fact]
    public void Walk_RecordCountFitsButSecondRecordOverrunsTheSample_RecordLengthOutOfRange()
    {
        var vni = FlowRecordEncoder.ExtendedVni(FlowRecordFormat.ExtendedVniIngress, new ExtendedVni(9));
        var datagram = new SFlowDatagramBuilder()
            .FlowSample(s => s.Record(vni).Record(vni.WithDeclaredLength(8)))
            .Build();

        var walk = DatagramWalker.Walk(datagram);

        Assert.Equal(1, walk.Records);
        Assert.Equal(new SFlowError(SFlowErrorCode.RecordLengthOutOfRange, FirstFlowRecord + 12 + 4), walk.Error);
    }

    [Fact]
    public void Walk_RecordShorterThanItsFixedFields_RecordTooShortAtTheRecordData()
    {
        var datagram = new SFlowDatagramBuilder()
            .FlowSample(s => s.Record(SFlowStructure.Create(0, (uint)FlowRecordFormat.ExtendedSwitch, new byte[12])))
            .Build();

        Assert.Equal(new SFlowError(SFlowErrorCode.RecordTooShort, FirstFlowRecord + 8), DatagramWalker.Walk(datagram).Error);
    }

    [Theory]
    [InlineData(CounterRecordFormat.GenericInterface, 84)]
    [InlineData(CounterRecordFormat.Ethernet, 48)]
    [InlineData(CounterRecordFormat.Vlan, 24)]
    [InlineData(CounterRecordFormat.Lacp, 52)]
    [InlineData(CounterRecordFormat.Processor, 24)]
    [InlineData(CounterRecordFormat.OpenFlowPort, 8)]
    [InlineData(CounterRecordFormat.HostParent, 4)]
    [InlineData(CounterRecordFormat.HostCpu, 64)]
    [InlineData(CounterRecordFormat.HostMemory, 68)]
    [InlineData(CounterRecordFormat.HostDiskIo, 48)]
    [InlineData(CounterRecordFormat.HostNetIo, 36)]
    [InlineData(CounterRecordFormat.Mib2Ip, 72)]
    [InlineData(CounterRecordFormat.Mib2Icmp, 96)]
    [InlineData(CounterRecordFormat.Mib2Tcp, 56)]
    [InlineData(CounterRecordFormat.Mib2Udp, 24)]
    [InlineData(CounterRecordFormat.AppResources, 36)]
    [InlineData(CounterRecordFormat.OvsDatapath, 20)]
    public void Walk_FixedSizeCounterRecordOneWordShort_RecordTooShortAtTheRecordData(CounterRecordFormat format, int length)
    {
        var datagram = new SFlowDatagramBuilder()
            .CounterSample(s => s.Record(new SFlowStructure((uint)format, new byte[length])))
            .Build();

        Assert.Equal(new SFlowError(SFlowErrorCode.RecordTooShort, FirstCounterRecord + 8), DatagramWalker.Walk(datagram).Error);
    }

    [Theory]
    [InlineData(FlowRecordFormat.Ethernet, 20)]
    [InlineData(FlowRecordFormat.IPv4, 28)]
    [InlineData(FlowRecordFormat.IPv6, 52)]
    [InlineData(FlowRecordFormat.ExtendedSwitch, 12)]
    [InlineData(FlowRecordFormat.ExtendedDecapsulateEgress, 0)]
    [InlineData(FlowRecordFormat.ExtendedVniIngress, 0)]
    [InlineData(FlowRecordFormat.RawPacketHeader, 8)]
    public void Walk_FixedSizeFlowRecordOneWordShort_RecordTooShortAtTheRecordData(FlowRecordFormat format, int length)
    {
        var datagram = new SFlowDatagramBuilder()
            .FlowSample(s => s.Record(new SFlowStructure((uint)format, new byte[length])))
            .Build();

        Assert.Equal(new SFlowError(SFlowErrorCode.RecordTooShort, FirstFlowRecord + 8), DatagramWalker.Walk(datagram).Error);
    }

    [Fact]
    public void Walk_AsPathSegmentCountThatCannotFit_CountOutOfRangeAtTheCountWord()
    {
        var record = SFlowStructure.Create((uint)FlowRecordFormat.ExtendedGateway, w => w
            .WriteAddress(Ip("10.0.0.1")).WriteUInt32s(1, 2, 3)
            .WriteUInt32(0x0FFF_FFFF) // segment count
            .WriteUInt32(2).WriteUInt32List(4, 5)
            .WriteUInt32List().WriteUInt32(100));
        var datagram = new SFlowDatagramBuilder().FlowSample(s => s.Record(record)).Build();

        var countWord = FirstFlowRecord + 8 + 8 + 12;
        Assert.Equal(new SFlowError(SFlowErrorCode.CountOutOfRange, countWord), DatagramWalker.Walk(datagram).Error);
    }

    [Fact]
    public void Walk_AsNumberCountThatCannotFit_CountOutOfRangeAtTheSegmentsCountWord()
    {
        var record = SFlowStructure.Create((uint)FlowRecordFormat.ExtendedGateway, w => w
            .WriteAddress(Ip("10.0.0.1")).WriteUInt32s(1, 2, 3)
            .WriteUInt32(1) // one segment
            .WriteUInt32(2).WriteUInt32(0x4000_0000).WriteUInt32s(4, 5)
            .WriteUInt32List().WriteUInt32(100));
        var datagram = new SFlowDatagramBuilder().FlowSample(s => s.Record(record)).Build();

        var numbersCountWord = FirstFlowRecord + 8 + 8 + 12 + 4 + 4;
        Assert.Equal(new SFlowError(SFlowErrorCode.CountOutOfRange, numbersCountWord), DatagramWalker.Walk(datagram).Error);
    }

    [Fact]
    public void Walk_CommunityCountThatCannotFit_CountOutOfRangeAtTheCountWord()
    {
        var record = SFlowStructure.Create((uint)FlowRecordFormat.ExtendedGateway, w => w
            .WriteAddress(Ip("10.0.0.1")).WriteUInt32s(1, 2, 3)
            .WriteUInt32(0) // no segments
            .WriteUInt32(uint.MaxValue).WriteUInt32s(7, 8) // communities
            .WriteUInt32(100));
        var datagram = new SFlowDatagramBuilder().FlowSample(s => s.Record(record)).Build();

        var countWord = FirstFlowRecord + 8 + 8 + 12 + 4;
        Assert.Equal(new SFlowError(SFlowErrorCode.CountOutOfRange, countWord), DatagramWalker.Walk(datagram).Error);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Walk_MplsLabelCountThatCannotFit_CountOutOfRangeAtTheCountWord(bool inStack)
    {
        var record = SFlowStructure.Create((uint)FlowRecordFormat.ExtendedMpls, w =>
        {
            w.WriteAddress(Ip("10.0.0.1"));
            if (inStack)
            {
                w.WriteUInt32(0x8000_0000).WriteUInt32(1);
            }
            else
            {
                w.WriteUInt32List(1, 2).WriteUInt32(3).WriteUInt32s(1, 2);
            }
        });
        var datagram = new SFlowDatagramBuilder().FlowSample(s => s.Record(record)).Build();

        var countWord = FirstFlowRecord + 8 + 8 + (inStack ? 0 : 12);
        Assert.Equal(new SFlowError(SFlowErrorCode.CountOutOfRange, countWord), DatagramWalker.Walk(datagram).Error);
    }

    [Fact]
    public void Walk_HostAdapterCountThatCannotFit_CountOutOfRange()
    {
        var record = SFlowStructure.Create((uint)CounterRecordFormat.HostAdapters, w => w.WriteUInt32(3).WriteUInt32(1).WriteUInt32(0));
        var datagram = new SFlowDatagramBuilder().CounterSample(s => s.Record(record)).Build();

        Assert.Equal(new SFlowError(SFlowErrorCode.CountOutOfRange, FirstCounterRecord + 8), DatagramWalker.Walk(datagram).Error);
    }

    [Fact]
    public void Walk_HostAdapterMacCountThatCannotFit_CountOutOfRange()
    {
        var record = SFlowStructure.Create((uint)CounterRecordFormat.HostAdapters, w => w
            .WriteUInt32(1).WriteUInt32(7).WriteUInt32(2).WriteMac(Mac("02:00:00:00:00:01")));
        var datagram = new SFlowDatagramBuilder().CounterSample(s => s.Record(record)).Build();

        Assert.Equal(new SFlowError(SFlowErrorCode.CountOutOfRange, FirstCounterRecord + 8 + 8), DatagramWalker.Walk(datagram).Error);
    }

    [Fact]
    public void Walk_PortNameLongerThan255_OpaqueLengthOutOfRangeAtTheLengthWord()
    {
        var datagram = new SFlowDatagramBuilder()
            .CounterSample(s => s.Record(CounterRecordEncoder.PortName(new byte[256])))
            .Build();

        Assert.Equal(new SFlowError(SFlowErrorCode.OpaqueLengthOutOfRange, FirstCounterRecord + 8), DatagramWalker.Walk(datagram).Error);
    }

    [Fact]
    public void Walk_PortNameOf255_Decodes()
    {
        var datagram = new SFlowDatagramBuilder()
            .CounterSample(s => s.Record(CounterRecordEncoder.PortName(new byte[255])))
            .Build();

        Assert.False(DatagramWalker.Walk(datagram).Error.IsError);
    }

    [Fact]
    public void Walk_HostnameLongerThan64_OpaqueLengthOutOfRangeAtTheLengthWord()
    {
        var datagram = new SFlowDatagramBuilder()
            .CounterSample(s => s.Record(CounterRecordEncoder.HostDescription(new byte[65], Guid.Empty, 3, 2, "6.1"u8)))
            .Build();

        Assert.Equal(new SFlowError(SFlowErrorCode.OpaqueLengthOutOfRange, FirstCounterRecord + 8), DatagramWalker.Walk(datagram).Error);
    }

    [Fact]
    public void Walk_OsReleaseLongerThan32_OpaqueLengthOutOfRangeAtTheLengthWord()
    {
        var datagram = new SFlowDatagramBuilder()
            .CounterSample(s => s.Record(CounterRecordEncoder.HostDescription("h"u8, Guid.Empty, 3, 2, new byte[33])))
            .Build();

        var osReleaseLength = FirstCounterRecord + 8 + 8 + 16 + 8;
        Assert.Equal(new SFlowError(SFlowErrorCode.OpaqueLengthOutOfRange, osReleaseLength), DatagramWalker.Walk(datagram).Error);
    }

    [Fact]
    public void Walk_StringLengthPastTheRecord_OpaqueLengthOutOfRange()
    {
        var record = SFlowStructure.Create((uint)FlowRecordFormat.ExtendedUrl, w => w.WriteUInt32(1).WriteUInt32(1000).WriteRaw("abcd"u8));
        var datagram = new SFlowDatagramBuilder().FlowSample(s => s.Record(record)).Build();

        Assert.Equal(new SFlowError(SFlowErrorCode.OpaqueLengthOutOfRange, FirstFlowRecord + 8 + 4), DatagramWalker.Walk(datagram).Error);
    }

    [Fact]
    public void Walk_UnknownAddressTypeInsideARecord_UnknownAddressTypeAtTheTypeWord()
    {
        var record = SFlowStructure.Create((uint)FlowRecordFormat.ExtendedRouter, w => w.WriteUInt32(7).WriteUInt32s(1, 2, 3, 4, 5, 6));
        var datagram = new SFlowDatagramBuilder().FlowSample(s => s.Record(record)).Build();

        Assert.Equal(new SFlowError(SFlowErrorCode.UnknownAddressType, FirstFlowRecord + 8), DatagramWalker.Walk(datagram).Error);
    }
}
