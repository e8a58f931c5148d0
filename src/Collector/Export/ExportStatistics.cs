namespace NetworkMachinery.Collector.Export;

/// <summary>What the exporter did with the collector's records.</summary>
public sealed record ExportStatistics
{
    /// <summary>Flow records accepted for export.</summary>
    public long FlowsQueued { get; init; }

    /// <summary>Counter records accepted for export.</summary>
    public long CountersQueued { get; init; }

    /// <summary>Flow records dropped because the export queue was full.</summary>
    public long FlowsDropped { get; init; }

    /// <summary>Counter records dropped because the export queue was full.</summary>
    public long CountersDropped { get; init; }

    /// <summary>Times a decode worker waited for room in the export queue (the block policy).</summary>
    public long WorkerWaits { get; init; }

    /// <summary>Bus messages produced (one per datagram and kind).</summary>
    public long Messages { get; init; }

    /// <summary>Records waiting in the export queue.</summary>
    public long QueuedRecords { get; init; }
}
