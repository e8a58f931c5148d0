using NetworkMachinery.Collector.Records;
using NetworkMachinery.Collector.Sinks;

namespace NetworkMachinery.Collector.Bus;

/// <summary>
/// The in-process bus: every subscriber gets its own bounded queue of the collector's flow and counter records.
/// It is a sink of the collector, and the standalone replacement for the Kafka topics components use in a cluster.
/// </summary>
public sealed class RecordBus : IRecordSink
{
    private readonly Lock _lock = new();
    private RecordSubscription[] _subscriptions = [];

    /// <inheritdoc />
    public string Name => "bus";

    /// <summary>The current subscriptions.</summary>
    public IReadOnlyList<RecordSubscription> Subscriptions => Volatile.Read(ref _subscriptions);

    /// <summary>Adds a consumer; it sees records published from now on.</summary>
    /// <param name="name">The consumer's name, for metrics.</param>
    /// <param name="flowCapacity">Flow records queued for it before new ones are dropped.</param>
    /// <param name="counterCapacity">Counter records queued for it before new ones are dropped.</param>
    public RecordSubscription Subscribe(string name, int flowCapacity = 65_536, int counterCapacity = 8_192)
    {
        var subscription = new RecordSubscription(name, flowCapacity, counterCapacity);
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    /// <summary>Removes a consumer and completes its queues.</summary>
    public void Unsubscribe(RecordSubscription subscription)
    {
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
        }

        subscription.Complete();
    }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<FlowRecord> flows, ReadOnlySpan<CounterRecord> counters)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.Publish(flows, counters);
        }
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <summary>Completes every subscriber's queues: no more records will come.</summary>
    public ValueTask DisposeAsync()
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.Complete();
        }

        return ValueTask.CompletedTask;
    }
}
