using System.Threading.Channels;
using NetworkMachinery.Collector.Records;

namespace NetworkMachinery.Collector.Bus;

/// <summary>
/// One consumer's view of the <see cref="RecordBus"/>: bounded queues of flow and counter records. When the
/// consumer falls behind and a queue is full, new records for it are dropped and counted; the collector never waits.
/// </summary>
public sealed class RecordSubscription
{
    private long _droppedFlows;
    private long _droppedCounters;

    internal RecordSubscription(string name, int flowCapacity, int counterCapacity)
    {
        Name = name;
        FlowChannel = Channel.CreateBounded<FlowRecord>(new BoundedChannelOptions(flowCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        CounterChannel = Channel.CreateBounded<CounterRecord>(new BoundedChannelOptions(counterCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>The consumer's name, for metrics.</summary>
    public string Name { get; }

    /// <summary>Flow records for this consumer.</summary>
    public ChannelReader<FlowRecord> Flows => FlowChannel.Reader;

    /// <summary>Counter records for this consumer.</summary>
    public ChannelReader<CounterRecord> Counters => CounterChannel.Reader;

    /// <summary>Flow records dropped because this consumer's queue was full.</summary>
    public long DroppedFlows => Interlocked.Read(ref _droppedFlows);

    /// <summary>Counter records dropped because this consumer's queue was full.</summary>
    public long DroppedCounters => Interlocked.Read(ref _droppedCounters);

    internal Channel<FlowRecord> FlowChannel { get; }

    internal Channel<CounterRecord> CounterChannel { get; }

    internal void Publish(ReadOnlySpan<FlowRecord> flows, ReadOnlySpan<CounterRecord> counters)
    {
        long droppedFlows = 0, droppedCounters = 0;
        foreach (ref readonly var flow in flows)
        {
            if (!FlowChannel.Writer.TryWrite(flow))
            {
                droppedFlows++;
            }
        }

        foreach (ref readonly var counter in counters)
        {
            if (!CounterChannel.Writer.TryWrite(counter))
            {
                droppedCounters++;
            }
        }

        if (droppedFlows != 0)
        {
            Interlocked.Add(ref _droppedFlows, droppedFlows);
        }

        if (droppedCounters != 0)
        {
            Interlocked.Add(ref _droppedCounters, droppedCounters);
        }
    }

    internal void Complete()
    {
        FlowChannel.Writer.TryComplete();
        CounterChannel.Writer.TryComplete();
    }
}
