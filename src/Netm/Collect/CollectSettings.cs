using System.Net;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Collector.Export;
using NetworkMachinery.Collector.Ingest;

namespace NetworkMachinery.Netm.Collect;

/// <summary>What <c>netm collect</c> was asked to do.</summary>
internal sealed record CollectSettings
{
    public required SocketOptions Socket { get; init; }

    /// <summary>"stdout", "none", or a file path.</summary>
    public required string Output { get; init; }

    /// <summary>Where to serve metrics; null for none.</summary>
    public IPEndPoint? MetricsListen { get; init; }

    public TimeSpan StatsInterval { get; init; } = TimeSpan.FromSeconds(10);

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>The Kafka cluster records also go to; null to keep them in this process.</summary>
    public KafkaSettings? Kafka { get; init; }

    /// <summary>Topics, queue and full policy of the export to Kafka.</summary>
    public ExportOptions Export { get; init; } = new();
}
