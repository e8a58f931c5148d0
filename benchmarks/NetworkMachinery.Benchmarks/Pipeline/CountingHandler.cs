using System.Diagnostics;
using Google.Protobuf;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Collector.Hosting;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Benchmarks.Pipeline;

/// <summary>
/// The consumer of the benchmark: does what a real one does with every message (parses each length-delimited
/// record into a <see cref="FlowMessage"/> or <see cref="CounterMessage"/>), counts the records, and times each
/// flows message from the collector's receipt of its datagram (<c>time_received_ns</c>) to now. Thread-safe: the
/// in-process bus runs one loop per topic, Kafka one per consumer.
/// </summary>
internal sealed class CountingHandler : IMessageHandler
{
    private readonly string _flowsTopic;
    private readonly long[] _latencies;
    private long _latencyCount;
    private long _flows;
    private long _counters;
    private long _firstTicks;
    private long _lastTicks;

    /// <param name="flowsTopic">Messages of this topic hold flows; of any other, counters.</param>
    /// <param name="latencyCapacity">At most this many latencies are kept (one per flows message).</param>
    public CountingHandler(string flowsTopic, int latencyCapacity)
    {
        _flowsTopic = flowsTopic;
        _latencies = new long[latencyCapacity];
    }

    public long Flows => Interlocked.Read(ref _flows);

    public long Counters => Interlocked.Read(ref _counters);

    public long Records => Flows + Counters;

    /// <summary>Stopwatch timestamp of the first message handled; 0 before.</summary>
    public long FirstTimestamp => Interlocked.Read(ref _firstTicks);

    /// <summary>Stopwatch timestamp of the last message handled; 0 before.</summary>
    public long LastTimestamp => Interlocked.Read(ref _lastTicks);

    public ValueTask HandleAsync(ConsumedMessage message, CancellationToken cancellationToken)
    {
        var input = new CodedInputStream(message.Value);
        if (message.Topic == _flowsTopic)
        {
            long records = 0;
            ulong received = 0;
            while (!input.IsAtEnd)
            {
                var flow = new FlowMessage();
                input.ReadMessage(flow);
                received = flow.TimeReceivedNs;
                records++;
            }

            // Every record of a message comes from one datagram, so the last one's receipt time is the message's.
            var index = Interlocked.Increment(ref _latencyCount) - 1;
            if (index < _latencies.Length)
            {
                _latencies[index] = UnixTime.NowNanoseconds() - (long)received;
            }

            Interlocked.Add(ref _flows, records);
        }
        else
        {
            long records = 0;
            while (!input.IsAtEnd)
            {
                input.ReadMessage(new CounterMessage());
                records++;
            }

            Interlocked.Add(ref _counters, records);
        }

        var now = Stopwatch.GetTimestamp();
        Interlocked.CompareExchange(ref _firstTicks, now, 0);
        Interlocked.Exchange(ref _lastTicks, now);
        return ValueTask.CompletedTask;
    }

    /// <summary>The latencies of the flows messages handled, in nanoseconds, sorted.</summary>
    public long[] SortedLatencies()
    {
        var count = (int)Math.Min(Interlocked.Read(ref _latencyCount), _latencies.Length);
        var sorted = _latencies[..count];
        Array.Sort(sorted);
        return sorted;
    }
}
