using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Benchmarks.Corpus;
using NetworkMachinery.Collector.Capture;
using NetworkMachinery.Collector.Accounting;
using NetworkMachinery.Collector.Decode;
using NetworkMachinery.Collector.Ingest;
using NetworkMachinery.Collector.Metrics;
using Prometheus;

namespace NetworkMachinery.Benchmarks.Decode;

/// <summary>
/// Per-datagram cost of decoding the corpus of real Open vSwitch datagrams. Each benchmark walks the whole corpus;
/// OperationsPerInvoke makes the reported time and allocation per datagram.
/// </summary>
[MemoryDiagnoser]
public class DecodeBenchmarks
{
    private const int CorpusSize = 2048;
    private byte[][] _datagrams = [];
    private byte[][] _frames = [];
    private DatagramProcessor _processor = null!;
    private uint _sequence;

    [GlobalSetup]
    public void Setup()
    {
        var loaded = SFlowCapture.LoadPayloads(SFlowCorpus.DefaultPath);
        _datagrams = Enumerable.Range(0, CorpusSize).Select(i => loaded[i % loaded.Length]).ToArray();
        _frames = _datagrams.Select(ToFrame).ToArray();
        var registry = Metrics.NewCustomRegistry();
        var histogram = Metrics.WithCustomRegistry(registry).CreateHistogram("decode_seconds", "decode time");
        _processor = new DatagramProcessor(new AgentTable(10_000), new DecodeStatistics(), new MalformedDatagramLog(NullLogger.Instance, TimeSpan.FromSeconds(1)), histogram, NullLogger.Instance);
    }

    /// <summary>The floor: touching every byte of the datagram once (a copy), as any decoder must at least read it.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = CorpusSize)]
    public int Copy()
    {
        Span<byte> scratch = stackalloc byte[9216];
        var total = 0;
        foreach (var datagram in _datagrams)
        {
            datagram.CopyTo(scratch);
            total += scratch[datagram.Length - 1];
        }

        return total;
    }

    /// <summary>The decoder alone: header, samples, every known record, every sampled packet header parsed.</summary>
    [Benchmark(OperationsPerInvoke = CorpusSize)]
    public ulong Decode()
    {
        ulong sum = 0;
        foreach (var datagram in _datagrams)
        {
            sum += FullDecoder.Decode(datagram);
        }

        return sum;
    }

    /// <summary>
    /// What a collector decode worker does per datagram: decode, build typed flow and counter records,
    /// account sequence numbers per agent and data source. The datagram sequence number and uptime are rewritten
    /// to run on, as from a live agent, so replaying the corpus is not taken for agent restarts.
    /// </summary>
    [Benchmark(OperationsPerInvoke = CorpusSize)]
    public int DecodeAccountAndBuildRecords()
    {
        foreach (var frame in _frames)
        {
            var header = frame.AsSpan(DatagramFrame.HeaderSize);
            var offset = header[7] == 1 ? 16 : 28;
            _sequence++;
            BinaryPrimitives.WriteUInt32BigEndian(header[offset..], _sequence);
            BinaryPrimitives.WriteUInt32BigEndian(header[(offset + 4)..], _sequence);
            _processor.Process(frame);
        }

        var records = _processor.Batch.FlowCount + _processor.Batch.CounterCount;
        _processor.Batch.Clear();
        return records;
    }

    private static byte[] ToFrame(byte[] datagram)
    {
        var frame = new byte[DatagramFrame.HeaderSize + datagram.Length];
        DatagramFrame.WriteHeader(frame, datagram.Length, [], 0);
        datagram.CopyTo(frame, DatagramFrame.HeaderSize);
        return frame;
    }
}
