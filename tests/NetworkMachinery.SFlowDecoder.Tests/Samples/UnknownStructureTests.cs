using NetworkMachinery.SFlow.Tests.Support;
using NetworkMachinery.Testing.SFlow;

namespace NetworkMachinery.SFlow.Tests;

/// <summary>Samples and records of formats the decoder does not know are skipped by their declared length, never misparsed.</summary>
public class UnknownStructureTests
{
    [Theory]
    [InlineData(4413u, 1u, 12)]
    [InlineData(0u, 6u, 0)]
    [InlineData(0u, 999u, 5)]
    [InlineData(0xF_FFFFu, 0xFFFu, 7)]
    public void TryReadSample_UnknownSampleType_SkippedAndNextSampleDecodes(uint enterprise, uint format, int length)
    {
        var junk = Enumerable.Range(0, length).Select(i => (byte)(0xF0 + i)).ToArray();
        var datagram = new SFlowDatagramBuilder()
            .Sample(SFlowStructure.Create(enterprise, format, junk))
            .CounterSample(s => s.SequenceNumber(55).Source(0, 7).Record(CounterRecordEncoder.PortName("eth7"u8)))
            .Build();
        var reader = new SFlowDatagramReader(datagram);
        reader.TryReadHeader(out _);

        Assert.True(reader.TryReadSample(out var unknown));
        Assert.Equal(SFlowSampleType.Unknown, unknown.Header.Type);
        Assert.Equal(enterprise, unknown.Header.Enterprise);
        Assert.Equal(format, unknown.Header.Format);
        Assert.Equal(length, unknown.Header.Length);
        Assert.False(unknown.Records.TryReadRecord(out _));

        Assert.True(reader.TryReadSample(out var counters));
        Assert.Equal(55u, counters.Header.SequenceNumber);
        Assert.Equal(new DataSource(0, 7), counters.Header.Source);
        var records = counters.Records;
        Assert.True(records.TryReadRecord(out var record));
        Assert.True(record.TryRead<PortName>(out var name, out _));
        Assert.Equal("eth7"u8.ToArray(), name.Name.ToArray());
        Assert.False(reader.TryReadSample(out _));
        Assert.False(reader.Error.IsError);
    }

    [Fact]
    public void TryReadRecord_UnknownFlowRecords_SkippedAndFollowingRecordDecodes()
    {
        var datagram = new SFlowDatagramBuilder()
            .FlowSample(s => s
                .Record(SFlowStructure.Create(0, 999, [9, 9, 9, 9, 9]))
                .Record(SFlowStructure.Create(4413, (uint)FlowRecordFormat.ExtendedSwitch, [0, 0, 0, 7, 0, 0, 0, 7, 0, 0, 0, 7, 0, 0, 0, 7]))
                .Record(FlowRecordEncoder.ExtendedSwitch(new ExtendedSwitch(100, 1, 200, 2))))
            .Build();
        var records = RecordDecoding.RecordsOfFirstSample(datagram);

        Assert.True(records.TryReadRecord(out var first));
        Assert.False(first.IsKnown);
        Assert.Equal(999u, first.Format);
        Assert.Equal(5, first.Data.Length);

        Assert.True(records.TryReadRecord(out var second));
        Assert.False(second.IsKnown);
        Assert.Equal(4413u, second.Enterprise);
        Assert.Equal(1001u, second.Format);

        Assert.True(records.TryReadRecord(out var third));
        Assert.True(third.IsKnown);
        Assert.True(third.TryRead<ExtendedSwitch>(out var value, out _));
        Assert.Equal(new ExtendedSwitch(100, 1, 200, 2), value);
        Assert.Equal(28 + 8 + 28 + 4 + (8 + 8) + (8 + 16), third.Offset);
        Assert.False(records.TryReadRecord(out _));
        Assert.False(records.Error.IsError);
    }

    [Fact]
    public void TryReadRecord_UnknownCounterRecords_SkippedAndFollowingRecordDecodes()
    {
        var datagram = new SFlowDatagramBuilder()
            .CounterSample(s => s
                .Record(SFlowStructure.Create(0, 3, new byte[100]))
                .Record(SFlowStructure.Create(0, 2202, []))
                .Record(CounterRecordEncoder.OvsDatapath(new OvsDatapath(1, 2, 3, 4, 5, 6))))
            .Build();
        var records = RecordDecoding.RecordsOfFirstSample(datagram);

        Assert.True(records.TryReadRecord(out var first));
        Assert.True(records.TryReadRecord(out var second));
        Assert.True(records.TryReadRecord(out var third));

        Assert.False(first.IsKnown);
        Assert.Equal(100, first.Data.Length);
        Assert.False(second.IsKnown);
        Assert.Equal(0, second.Data.Length);
        Assert.True(third.TryRead<OvsDatapath>(out var datapath, out _));
        Assert.Equal(new OvsDatapath(1, 2, 3, 4, 5, 6), datapath);
        Assert.Equal(3, DatagramWalker.Walk(datagram).Records);
    }

    [Fact]
    public void TryReadRecord_KnownFormatLongerThanItsFields_ExtraBytesSkippedWithTheRecord()
    {
        // A later revision may append fields: the decoder reads what it knows and moves on by the declared length.
        var longer = SFlowStructure.Create((uint)FlowRecordFormat.ExtendedVniEgress, w => w.WriteUInt32(77).WriteUInt32s(1, 2, 3));
        var datagram = new SFlowDatagramBuilder()
            .FlowSample(s => s.Record(longer).Record(FlowRecordEncoder.ExtendedVni(FlowRecordFormat.ExtendedVniIngress, new ExtendedVni(88))))
            .Build();
        var records = RecordDecoding.RecordsOfFirstSample(datagram);

        records.TryReadRecord(out var first);
        Assert.True(first.TryRead<ExtendedVni>(out var egress, out _));
        records.TryReadRecord(out var second);
        Assert.True(second.TryRead<ExtendedVni>(out var ingress, out _));

        Assert.Equal(77u, egress.Vni);
        Assert.Equal(88u, ingress.Vni);
        Assert.Equal(FlowRecordFormat.ExtendedVniIngress, second.FlowFormat);
    }

    [Fact]
    public void Walk_DiscardAndUnknownCorpusDatagram_CountsUnknownRecordsAndDecodesTheRest()
    {
        var walk = DatagramWalker.Walk(SFlowDatagramCorpus.DiscardAndUnknown());

        Assert.Equal(SFlowError.None, walk.Error);
        Assert.Equal(4, walk.Samples);
        Assert.Equal(6, walk.Records);
        Assert.Equal(3, walk.UnknownRecords);
    }
}
