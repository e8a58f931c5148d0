using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Collector.Accounting;
using NetworkMachinery.Collector.Decode;
using NetworkMachinery.Collector.Ingest;
using NetworkMachinery.Collector.Metrics;

namespace NetworkMachinery.Collector.Tests.Support;

/// <summary>A decode worker's processor with its statistics and agent table, fed datagrams directly.</summary>
internal sealed class ProcessorHarness
{
    public ProcessorHarness()
    {
        var histogram = Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry()).CreateHistogram("decode_seconds", "decode time");
        Processor = new DatagramProcessor(Agents, Statistics, new MalformedDatagramLog(NullLogger.Instance, TimeSpan.FromSeconds(1)), histogram, NullLogger.Instance);
    }

    public AgentTable Agents { get; } = new(100);

    public DecodeStatistics Statistics { get; } = new();

    public DatagramProcessor Processor { get; }

    public void Process(ReadOnlySpan<byte> payload)
    {
        var frame = new byte[DatagramFrame.HeaderSize + payload.Length];
        DatagramFrame.WriteHeader(frame, payload.Length, [], 1_000_000_000);
        payload.CopyTo(frame.AsSpan(DatagramFrame.HeaderSize));
        Processor.Process(frame);
    }
}
