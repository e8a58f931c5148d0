using NetworkMachinery.SFlow.Tests.Support;
using NetworkMachinery.Testing.SFlow;

namespace NetworkMachinery.SFlow.Tests;

/// <summary>
/// Every prefix of a valid datagram is malformed: the header, a sample count, a sample length or a record length
/// always promises more than a cut datagram holds, even when the cut falls exactly between two samples.
/// </summary>
public class TruncationTests
{
    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void Walk_EveryTruncation_ReportsAnErrorWithinTheKeptBytes(string name)
    {
        var datagram = SFlowDatagramCorpus.Build(name);
        Assert.False(DatagramWalker.Walk(datagram).Error.IsError, "The corpus datagram itself must be valid.");

        for (var length = 0; length < datagram.Length; length++)
        {
            var walk = DatagramWalker.Walk(datagram.AsSpan(0, length));

            Assert.True(walk.Error.IsError, $"{name} cut to {length} bytes decoded without error.");
            Assert.InRange(walk.Error.Offset, 0, length);
        }
    }

    [Fact]
    public void Walk_CutExactlyBetweenSamples_TruncatedAtTheMissingSample()
    {
        var first = new FlowSampleBuilder().SequenceNumber(1).Build();
        var datagram = new SFlowDatagramBuilder().Sample(first).CounterSample(s => s.SequenceNumber(2)).Build();
        var boundary = 28 + 8 + first.Data.Length;

        var walk = DatagramWalker.Walk(datagram.AsSpan(0, boundary));

        Assert.Equal(1, walk.Samples);
        Assert.Equal(new SFlowError(SFlowErrorCode.Truncated, boundary), walk.Error);
    }

    [Fact]
    public void Walk_CutExactlyAfterTheHeader_SampleCountOutOfRange()
    {
        var datagram = SFlowDatagramCorpus.OvsCounters();

        var walk = DatagramWalker.Walk(datagram.AsSpan(0, 28));

        Assert.Equal(0, walk.Samples);
        Assert.Equal(new SFlowError(SFlowErrorCode.CountOutOfRange, 24), walk.Error);
    }

    [Fact]
    public void Walk_CutInsideTheAgentAddress_Truncated()
    {
        var datagram = SFlowDatagramCorpus.IPv6AgentExpanded();

        Assert.Equal(new SFlowError(SFlowErrorCode.Truncated, 8), DatagramWalker.Walk(datagram.AsSpan(0, 23)).Error);
    }

    public static TheoryData<string> CorpusNames() => [.. SFlowDatagramCorpus.Names];
}
