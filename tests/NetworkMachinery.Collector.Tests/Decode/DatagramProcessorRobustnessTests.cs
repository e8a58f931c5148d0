using System.Buffers.Binary;
using NetworkMachinery.Collector.Capture;
using NetworkMachinery.Collector.Tests.Support;
using NetworkMachinery.SFlow;
using NetworkMachinery.Testing.Repository;

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
            var datagram = Mutate(Corpus[random.Next(Corpus.Length)], random);
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

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var mutations = random.Next(1, 6);
        for (var m = 0; m < mutations; m++)
        {
            var position = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[position] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[position] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.Insert(position, (byte)random.Next(256));
                    break;
                case 3:
                    bytes.RemoveAt(position);
                    break;
                default:
                    // A word that may be a length or a count: make it huge or just past what is left.
                    var word = position & ~3;
                    if (word + 4 <= bytes.Count)
                    {
                        var value = random.Next(2) == 0 ? uint.MaxValue - (uint)random.Next(8) : (uint)(bytes.Count - word + random.Next(16));
                        bytes[word] = (byte)(value >> 24);
                        bytes[word + 1] = (byte)(value >> 16);
                        bytes[word + 2] = (byte)(value >> 8);
                        bytes[word + 3] = (byte)value;
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
