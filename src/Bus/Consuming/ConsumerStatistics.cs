namespace NetworkMachinery.Bus.Consuming;

/// <summary>Counts of a consumer since it was created.</summary>
public sealed record ConsumerStatistics
{
    /// <summary>Messages read from the bus, redeliveries included.</summary>
    public long Received { get; init; }

    /// <summary>Messages the handler completed.</summary>
    public long Handled { get; init; }

    /// <summary>Messages skipped because their (key, identity) had been handled already.</summary>
    public long Duplicates { get; init; }

    /// <summary>Handler attempts that threw and were retried.</summary>
    public long Retries { get; init; }

    /// <summary>Messages sent to the dead-letter topic.</summary>
    public long DeadLettered { get; init; }

    /// <summary>Partition assignments lost or revoked (Kafka rebalances).</summary>
    public long Rebalances { get; init; }

    /// <summary>Errors from the bus client that the consumer rode out (broker down, say).</summary>
    public long ClientErrors { get; init; }
}
