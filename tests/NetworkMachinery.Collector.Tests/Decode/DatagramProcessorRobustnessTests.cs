using System.Buffers.Binary;
using NetworkMachinery.Collector.Capture;
using NetworkMachinery.Collector.Tests.Support;
using NetworkMachinery.SFlow;
using NetworkMachinery.Testing.Repository;
using NetworkMachinery.Testing.SFlow;

namespace NetworkMachinery.Collector.Tests.Decode;

/// <summary>
/// Real Open vSwitch datagrams, cut short at every length, mutated at random (fixed seed) and given impossible lengths:
/// the decode path never throws, never loops, and counts each bad datagram as malformed with a reason.
/// </summary>
public class DatagramProcessorRobustnessTests
{
    private static readonly byte[][] Corpus = SFlowCapture.LoadPayloads(RepositoryPaths.OvsCorpus);

    [Fact]
    public void Process_EveryTruncationOfRealDatagrams_CountsEachMalformedWithReason()
    {
        var harness = new ProcessorHarness();
        var truncations = 0L;
        foreach (var datagram in Corpus.Where((_, i) => i % 50 == 0))
        {
            for (var length = 0; length < datagram.Length; length++)
            {
                harness.Process(datagram.AsSpan(0, length));
                truncations++;
                harness.Processor.Batch.Clear();
            }
        }

        Assert.True(truncations > 50_000, $"only {truncations} truncations");
        Assert.Equal(truncations, harness.Statistics.Datagrams);
        Assert.Equal(0, harness.Statistics.Decoded);
        Assert.Equal(truncations, harness.Statistics.MalformedTotal);
        Assert.Equal(0, harness.Statistics.InternalErrors);
        Assert.Equal(0, harness.Statistics.Malformed[(int)SFlowErrorCode.None]);
        Assert.True(harness.Statistics.Malformed[(int)SFlowErrorCode.Truncated] > 0);
        Assert.True(harness.Statistics.Malformed[(int)SFlowErrorCode.SampleLengthOutOfRange] > 0);
    }

    [Fact]
    public void Process_RandomMutations_NeverThrowAndEveryDatagramIsDecodedOrMalformed()
    {
        var random = new Random(20261127);
        var harness = new ProcessorHarness();
        const int Cases = 20_000;
        for (var i = 0; i < Cases; i++)
        {
            var datagram = SFlowMutator.Mutate(Corpus[random.Next(Corpus.Length)], random);
            harness.Process(datagram);
            harness.Processor.Batch.Clear();
        }

        var statistics = harness.Statistics;
        Assert.Equal(Cases, statistics.Datagrams);
        Assert.Equal(Cases, statistics.Decoded + statistics.MalformedTotal);
        Assert.Equal(0, statistics.InternalErrors);
        Assert.True(statistics.MalformedTotal > Cases / 10, $"only {statistics.MalformedTotal} of {Cases} mutations were malformed");
        Assert.True(statistics.Decoded > 0, "no mutation left a decodable datagram, so the mutations are not subtle enough");
    }

    [Theory]
    [InlineData(24, 0xFFFF_FFFFu, SFlowErrorCode.CountOutOfRange)]   // sample count
    [InlineData(32, 0x7FFF_FFF0u, SFlowErrorCode.SampleLengthOutOfRange)] // first sample's length
    [InlineData(32, 0xFFFF_FFFDu, SFlowErrorCode.SampleLengthOutOfRange)] // a length that overflows when padded
    public void Process_CraftedLengths_AreMalformedWithTheRightReason(int offset, uint value, SFlowErrorCode expected)
    {
        var harness = new ProcessorHarness();
        var datagram = (byte[])Corpus[0].Clone();
        BinaryPrimitives.WriteUInt32BigEndian(datagram.AsSpan(offset), value);

        harness.Process(datagram);

        Assert.Equal(1, harness.Statistics.Malformed[(int)expected]);
        Assert.Equal(0, harness.Processor.Batch.FlowCount + harness.Processor.Batch.CounterCount);
    }

    [Fact]
    public void Process_HugeRecordCountInEverySample_IsMalformedAndLeavesNoRecords()
    {
        var harness = new ProcessorHarness();
        var datagram = (byte[])Corpus.First(d => d.Length > 1000).Clone();

        // The first sample of a compact flow sample declares its record count at offset 28 + 8 + 28.
        BinaryPrimitives.WriteUInt32BigEndian(datagram.AsSpan(28 + 8 + 28), 0x4000_0000);
        harness.Process(datagram);

        Assert.Equal(1, harness.Statistics.MalformedTotal);
        Assert.Equal(0, harness.Processor.Batch.FlowCount);
    }
}
