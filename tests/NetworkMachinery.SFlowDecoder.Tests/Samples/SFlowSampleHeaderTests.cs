using NetworkMachinery.SFlow.Tests.Support;
using NetworkMachinery.Testing.SFlow;

namespace NetworkMachinery.SFlow.Tests;

/// <summary>Each sample type's fixed fields, with distinct values so a field read from the wrong word shows.</summary>
public class SFlowSampleHeaderTests
{
    [Fact]
    public void TryReadSample_CompactFlowSample_ReadsEveryField()
    {
        var datagram = new SFlowDatagramBuilder()
            .FlowSample(s => s.SequenceNumber(101).Source(1, 0x00AB_CDEF).SamplingRate(102).SamplePool(103).Drops(104).Input(105).Output(106)
                .Record(FlowRecordEncoder.ExtendedVni(FlowRecordFormat.ExtendedVniEgress, new ExtendedVni(1))))
            .Build();

        var header = ReadOnlySample(datagram);

        Assert.Equal(SFlowSampleType.Flow, header.Type);
        Assert.Equal(1u, header.DataFormat);
        Assert.Equal(28, header.Offset);
        Assert.Equal(datagram.Length - 36, header.Length);
        Assert.Equal(101u, header.SequenceNumber);
        Assert.Equal(new DataSource(1, 0x00AB_CDEF), header.Source);
        Assert.Equal(102u, header.SamplingRate);
        Assert.Equal(103u, header.SamplePool);
        Assert.Equal(104u, header.Drops);
        Assert.Equal(new SFlowInterface(InterfaceFormat.IfIndex, 105), header.Input);
        Assert.Equal(new SFlowInterface(InterfaceFormat.IfIndex, 106), header.Output);
        Assert.Equal(0u, header.DiscardReason);
        Assert.Equal(1u, header.RecordCount);
        Assert.True(header.HasFlowRecords);
        Assert.False(header.HasCounterRecords);
    }

    [Fact]
    public void TryReadSample_ExpandedFlowSample_ReadsFullWidthSourceAndInterfaces()
    {
        var datagram = new SFlowDatagramBuilder()
            .ExpandedFlowSample(s => s.SequenceNumber(201).Source(3, 0x0BCD_EF01).SamplingRate(202).SamplePool(203).Drops(204)
                .Input(0x4000_0005).Output(new SFlowInterface(InterfaceFormat.Discarded, 0x7FFF_FFFF)))
            .Build();

        var header = ReadOnlySample(datagram);

        Assert.Equal(SFlowSampleType.ExpandedFlow, header.Type);
        Assert.Equal(201u, header.SequenceNumber);
        Assert.Equal(new DataSource(3, 0x0BCD_EF01), header.Source);
        Assert.Equal(202u, header.SamplingRate);
        Assert.Equal(203u, header.SamplePool);
        Assert.Equal(204u, header.Drops);
        Assert.Equal(new SFlowInterface(InterfaceFormat.IfIndex, 0x4000_0005), header.Input);
        Assert.Equal(0x4000_0005u, header.Input.IfIndex);
        Assert.Equal(new SFlowInterface(InterfaceFormat.Discarded, 0x7FFF_FFFF), header.Output);
        Assert.Equal(0u, header.RecordCount);
        Assert.True(header.HasFlowRecords);
    }

    [Fact]
    public void TryReadSample_CompactCounterSample_ReadsSequenceAndSourceOnly()
    {
        var datagram = new SFlowDatagramBuilder()
            .CounterSample(s => s.SequenceNumber(301).Source(2, 0x00FF_FFFE).Record(CounterRecordEncoder.PortName("x"u8)))
            .Build();

        var header = ReadOnlySample(datagram);

        Assert.Equal(SFlowSampleType.Counters, header.Type);
        Assert.Equal(301u, header.SequenceNumber);
        Assert.Equal(new DataSource(2, 0x00FF_FFFE), header.Source);
        Assert.Equal(0u, header.SamplingRate);
        Assert.Equal(0u, header.SamplePool);
        Assert.Equal(default, header.Input);
        Assert.Equal(1u, header.RecordCount);
        Assert.True(header.HasCounterRecords);
        Assert.False(header.HasFlowRecords);
    }

    [Fact]
    public void TryReadSample_ExpandedCounterSample_ReadsFullWidthSource()
    {
        var datagram = new SFlowDatagramBuilder().ExpandedCounterSample(s => s.SequenceNumber(401).Source(0x0000_0102, 0x1234_5678)).Build();

        var header = ReadOnlySample(datagram);

        Assert.Equal(SFlowSampleType.ExpandedCounters, header.Type);
        Assert.Equal(401u, header.SequenceNumber);
        Assert.Equal(new DataSource(0x0102, 0x1234_5678), header.Source);
        Assert.True(header.HasCounterRecords);
    }

    [Fact]
    public void TryReadSample_DiscardSample_ReadsDropsInterfacesAndReason()
    {
        var datagram = new SFlowDatagramBuilder()
            .DiscardSample(s => s.SequenceNumber(501).Source(0, 0x0100_0002).Drops(502).Input(503).Output(0xC000_0004).Reason(505)
                .Record(FlowRecordEncoder.ExtendedSwitch(new ExtendedSwitch(1, 2, 3, 4))))
            .Build();

        var header = ReadOnlySample(datagram);

        Assert.Equal(SFlowSampleType.Discard, header.Type);
        Assert.Equal(501u, header.SequenceNumber);
        Assert.Equal(new DataSource(0, 0x0100_0002), header.Source);
        Assert.Equal(502u, header.Drops);
        Assert.Equal(new SFlowInterface(InterfaceFormat.IfIndex, 503), header.Input);

        // Discard samples carry plain ifIndex words: no format bits to split off.
        Assert.Equal(new SFlowInterface(InterfaceFormat.IfIndex, 0xC000_0004), header.Output);
        Assert.Equal(505u, header.DiscardReason);
        Assert.Equal(0u, header.SamplingRate);
        Assert.Equal(1u, header.RecordCount);
        Assert.True(header.HasFlowRecords);
    }

    [Fact]
    public void Records_DiscardSample_AreFlowRecords()
    {
        var datagram = new SFlowDatagramBuilder()
            .DiscardSample(s => s.Record(FlowRecordEncoder.ExtendedSwitch(new ExtendedSwitch(1, 2, 3, 4))))
            .Build();
        var records = RecordDecoding.RecordsOfFirstSample(datagram);

        Assert.True(records.TryReadRecord(out var record));

        Assert.Equal(SFlowRecordKind.Flow, record.Kind);
        Assert.Equal(FlowRecordFormat.ExtendedSwitch, record.FlowFormat);
    }

    [Theory]
    [InlineData(0x0000_0007u, InterfaceFormat.IfIndex, 7u)]
    [InlineData(0x3FFF_FFFFu, InterfaceFormat.IfIndex, 0x3FFF_FFFFu)]
    [InlineData(0x4000_0105u, InterfaceFormat.Discarded, 0x105u)]
    [InlineData(0x8000_0000u, InterfaceFormat.Multiple, 0u)]
    [InlineData(0x8000_0003u, InterfaceFormat.Multiple, 3u)]
    [InlineData(0xC000_0009u, InterfaceFormat.Reserved, 9u)]
    public void TryReadSample_CompactInterfaceWord_SplitsFormatBitsFromValue(uint word, InterfaceFormat format, uint value)
    {
        var datagram = new SFlowDatagramBuilder()
            .Sample(SFlowStructure.Create(1, w => w.WriteUInt32s(1, 2, 3, 4, 5).WriteUInt32(word).WriteUInt32(word).WriteUInt32(0)))
            .Build();

        var header = ReadOnlySample(datagram);

        Assert.Equal(new SFlowInterface(format, value), header.Input);
        Assert.Equal(new SFlowInterface(format, value), header.Output);
    }

    [Fact]
    public void IfIndex_NonIfIndexFormats_AreNull()
    {
        Assert.Equal(12u, new SFlowInterface(InterfaceFormat.IfIndex, 12).IfIndex);
        Assert.Null(new SFlowInterface(InterfaceFormat.Discarded, 12).IfIndex);
        Assert.Null(new SFlowInterface(InterfaceFormat.Multiple, 12).IfIndex);
        Assert.Null(new SFlowInterface(InterfaceFormat.Reserved, 12).IfIndex);
    }

    [Theory]
    [InlineData(0u, InterfaceFormat.IfIndex)]
    [InlineData(1u, InterfaceFormat.Discarded)]
    [InlineData(2u, InterfaceFormat.Multiple)]
    [InlineData(3u, InterfaceFormat.Reserved)]
    [InlineData(4u, InterfaceFormat.Reserved)]
    [InlineData(0xFFFF_FFFFu, InterfaceFormat.Reserved)]
    public void TryReadSample_ExpandedInterfaceFormatWord_MapsToFormat(uint formatWord, InterfaceFormat format)
    {
        var datagram = new SFlowDatagramBuilder()
            .Sample(SFlowStructure.Create(3, w => w.WriteUInt32s(1, 0, 2, 3, 4, 5).WriteUInt32s(formatWord, 0x8000_0001, formatWord, 0).WriteUInt32(0)))
            .Build();

        var header = ReadOnlySample(datagram);

        Assert.Equal(new SFlowInterface(format, 0x8000_0001), header.Input);
        Assert.Equal(new SFlowInterface(format, 0), header.Output);
    }

    [Fact]
    public void FromCompact_SourceId_SplitsTypeFromIndex()
    {
        Assert.Equal(new DataSource(0, 0), DataSource.FromCompact(0));
        Assert.Equal(new DataSource(3, 0x00FF_FFFF), DataSource.FromCompact(0x03FF_FFFF));
        Assert.Equal(new DataSource(0xFF, 1), DataSource.FromCompact(0xFF00_0001));
    }

    [Fact]
    public void Enterprise_StandardSample_IsZeroAndFormatIsTheType()
    {
        var header = ReadOnlySample(new SFlowDatagramBuilder().DiscardSample(_ => { }).Build());

        Assert.Equal(0u, header.Enterprise);
        Assert.Equal(5u, header.Format);
    }

    private static SFlowSampleHeader ReadOnlySample(byte[] datagram)
    {
        var reader = new SFlowDatagramReader(datagram);
        Assert.True(reader.TryReadHeader(out _));
        Assert.True(reader.TryReadSample(out var sample), reader.Error.ToString());
        var header = sample.Header;
        Assert.False(reader.TryReadSample(out _));
        Assert.False(reader.Error.IsError, reader.Error.ToString());
        return header;
    }
}
