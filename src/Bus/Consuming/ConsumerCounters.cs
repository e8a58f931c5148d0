namespace NetworkMachinery.Bus.Consuming;

/// <summary>The running counts of one consumer: written by its loop only, read by anyone.</summary>
internal sealed class ConsumerCounters
{
    public long Received;
    public long Handled;
    public long Duplicates;
    public long Retries;
    public long DeadLettered;
    public long Rebalances;
    public long ClientErrors;

    public ConsumerStatistics Snapshot() => new()
    {
        Received = Volatile.Read(ref Received),
        Handled = Volatile.Read(ref Handled),
        Duplicates = Volatile.Read(ref Duplicates),
        Retries = Volatile.Read(ref Retries),
        DeadLettered = Volatile.Read(ref DeadLettered),
        Rebalances = Volatile.Read(ref Rebalances),
        ClientErrors = Volatile.Read(ref ClientErrors),
    };
}
