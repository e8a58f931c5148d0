using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Benchmarks.Corpus;
using NetworkMachinery.Bus.Producing;
using NetworkMachinery.Collector.Accounting;
using NetworkMachinery.Collector.Capture;
using NetworkMachinery.Collector.Decode;
using NetworkMachinery.Collector.Export;
using NetworkMachinery.Collector.Ingest;
using NetworkMachinery.Collector.Metrics;
using NetworkMachinery.Collector.Records;
using Prometheus;

namespace NetworkMachinery.Benchmarks.Export;

/// <summary>
/// Per-datagram cost of the collector's exporter: the decoded records of the corpus handed to an
/// <see cref="ExportSink"/> in decode-worker batches, mapped onto the contracts, serialised into one message per
/// datagram and kind, and produced to a bus that discards them. Times include the exporter task's work: each
/// invocation waits until it has produced every message.
/// </summary>
[MemoryDiagnoser]
public class ExportBenchmarks
{
    private const int CorpusSize = 2048;
    private readonly List<(FlowRecord[] Flows, CounterRecord[] Counters)> _batches = [];
    private ExportSink _sink = null!;
    private long _messagesPerCorpus;

    [GlobalSetup]
    public void Setup()
    {
        var loaded = SFlowCapture.LoadPayloads(SFlowCorpus.DefaultPath);
        var histogram = Metrics.WithCustomRegistry(Metrics.NewCustomRegistry()).CreateHistogram("decode_seconds", "decode time");
        var processor = new DatagramProcessor(new AgentTable(10_000), new DecodeStatistics(), new MalformedDatagramLog(NullLogger.Instance, TimeSpan.FromSeconds(1)), histogram, NullLogger.Instance);
        for (var i = 0; i < CorpusSize; i++)
        {
            var datagram = loaded[i % loaded.Length];
            var frame = new byte[DatagramFrame.HeaderSize + datagram.Length];
            DatagramFrame.WriteHeader(frame, datagram.Length, [], 0);
            datagram.CopyTo(frame, DatagramFrame.HeaderSize);

            // Numbered on, as from a live agent, so that every datagram is a message of its own.
            var header = frame.AsSpan(DatagramFrame.HeaderSize);
            BinaryPrimitives.WriteUInt32BigEndian(header[(header[7] == 1 ? 16 : 28)..], (uint)i + 1);
            processor.Process(frame);
            if (processor.Batch.IsFull || i == CorpusSize - 1)
            {
                _batches.Add((processor.Batch.Flows.ToArray(), processor.Batch.Counters.ToArray()));
                processor.Batch.Clear();
            }
        }

        _sink = new ExportSink(new DiscardingProducer(), new ExportOptions { FullPolicy = ExportFullPolicy.Block }, Metrics.NewCustomRegistry(), NullLogger.Instance);
        foreach (var (flows, counters) in _batches)
        {
            _sink.Write(flows, counters);
        }

        _sink.FlushAsync().AsTask().GetAwaiter().GetResult();
        _messagesPerCorpus = _sink.GetStatistics().Messages;
    }

    [GlobalCleanup]
    public void Cleanup() => _sink.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Exports the corpus's records: what the exporter task spends per datagram.</summary>
    [Benchmark(OperationsPerInvoke = CorpusSize)]
    public long Export()
    {
        var target = _sink.GetStatistics().Messages + _messagesPerCorpus;
        foreach (var (flows, counters) in _batches)
        {
            _sink.Write(flows, counters);
        }

        var wait = new SpinWait();
        while (_sink.GetStatistics().Messages < target)
        {
            wait.SpinOnce();
        }

        return target;
    }

    private sealed class DiscardingProducer : IBusProducer
    {
        public string Name => "discard";

        public bool TryProduce(string topic, byte[] key, byte[] value) => true;

        public ValueTask ProduceAsync(string topic, byte[] key, byte[] value, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public int Flush(TimeSpan timeout) => 0;

        public ProducerStatistics GetStatistics() => new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
