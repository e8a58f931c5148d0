using NetworkMachinery.SFlow.Tests.Support;
using NetworkMachinery.Testing.SFlow;

namespace NetworkMachinery.SFlow.Tests;

public class SFlowRecordTests
{
    [Fact]
    public void DataFormat_EnterpriseRecord_SplitsEnterpriseAndFormat()
    {
        RecordDecoding.InFlowSample(SFlowStructure.Create(0xA_BCDE, 0x123, [1, 2, 3, 4]), record =>
        {
            Assert.Equal((0xA_BCDEu << 12) | 0x123, record.DataFormat);
            Assert.Equal(0xA_BCDEu, record.Enterprise);
            Assert.Equal(0x123u, record.Format);
            Assert.False(record.IsKnown);
            Assert.Equal([1, 2, 3, 4], record.Data.ToArray());
            Assert.Equal(68, record.Offset);
        });
    }

    [Fact]
    public void IsKnown_SameFormatNumberInFlowAndCounterSamples_JudgedByTheSampleKind()
    {
        // 2 is sampled_ethernet in a flow sample and ethernet_counters in a counter sample; 1005 is known as
        // extended_url and as port_name; 2000 is a counter record only; 1021 is a flow record only.
        var unknownData = new byte[4];
        RecordDecoding.InFlowSample(SFlowStructure.Create(0, 2000, unknownData), record =>
        {
            Assert.Equal(SFlowRecordKind.Flow, record.Kind);
            Assert.False(record.IsKnown);
        });
        RecordDecoding.InCounterSample(SFlowStructure.Create(0, 2000, unknownData), record =>
        {
            Assert.Equal(SFlowRecordKind.Counter, record.Kind);
            Assert.True(record.IsKnown);
        });
        RecordDecoding.InCounterSample(SFlowStructure.Create(0, 1021, unknownData), record => Assert.False(record.IsKnown));
        RecordDecoding.InFlowSample(SFlowStructure.Create(0, 1021, unknownData), record => Assert.True(record.IsKnown));
    }

    [Fact]
    public void TryRead_WrongTypeForTheData_ReportsErrorWithoutThrowing()
    {
        var error = RecordDecoding.FlowError<SampledIPv6>(FlowRecordEncoder.ExtendedVni(FlowRecordFormat.ExtendedVniEgress, new ExtendedVni(3)));

        Assert.Equal(new SFlowError(SFlowErrorCode.RecordTooShort, 76), error);
    }

    [Fact]
    public void Records_EachCallStartsFromTheFirstRecord()
    {
        var datagram = new SFlowDatagramBuilder()
            .FlowSample(s => s
                .Record(FlowRecordEncoder.ExtendedVni(FlowRecordFormat.ExtendedVniEgress, new ExtendedVni(1)))
                .Record(FlowRecordEncoder.ExtendedVni(FlowRecordFormat.ExtendedVniIngress, new ExtendedVni(2))))
            .Build();
        var reader = new SFlowDatagramReader(datagram);
        reader.TryReadHeader(out _);
        reader.TryReadSample(out var sample);

        var firstPass = sample.Records;
        firstPass.TryReadRecord(out _);
        firstPass.TryReadRecord(out _);
        var secondPass = sample.Records;

        Assert.True(secondPass.TryReadRecord(out var record));
        Assert.Equal(FlowRecordFormat.ExtendedVniEgress, record.FlowFormat);
    }
}
