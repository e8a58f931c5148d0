namespace NetworkMachinery.Bus.Producing;

/// <summary>Counts of a producer since it was created.</summary>
public sealed record ProducerStatistics
{
    /// <summary>Messages queued for delivery.</summary>
    public long Queued { get; init; }

    /// <summary>Messages the bus confirmed as delivered.</summary>
    public long Delivered { get; init; }

    /// <summary>Messages that could not be delivered (after the client's own retries), by reason.</summary>
    public IReadOnlyDictionary<string, long> Failed { get; init; } = new Dictionary<string, long>();

    /// <summary>Attempts to queue a message that found the queue full.</summary>
    public long QueueFull { get; init; }

    /// <summary>Messages queued and not yet delivered or failed.</summary>
    public long InFlight => Queued - Delivered - Failed.Values.Sum();

    /// <inheritdoc />
    public override string ToString() =>
        $"{Queued} queued, {Delivered} delivered, {InFlight} in flight, {QueueFull} times full, failed: " +
        (Failed.Count == 0 ? "none" : string.Join(", ", Failed.Select(pair => $"{pair.Value} {pair.Key}")));
}
