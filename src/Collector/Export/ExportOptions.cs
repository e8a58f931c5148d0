using NetworkMachinery.Bus.Topics;

namespace NetworkMachinery.Collector.Export;

/// <summary>How the collector's records go onto the bus.</summary>
public sealed record ExportOptions
{
    /// <summary>The topics flows and counters go to.</summary>
    public BusTopics Topics { get; init; } = new();

    /// <summary>Records (flows and counters) the decode workers may queue for the exporter.</summary>
    public int QueueRecords { get; init; } = 262_144;

    /// <summary>What a decode worker does when that queue is full.</summary>
    public ExportFullPolicy FullPolicy { get; init; } = ExportFullPolicy.Drop;
}
