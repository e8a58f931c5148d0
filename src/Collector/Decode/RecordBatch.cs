using NetworkMachinery.Collector.Records;

namespace NetworkMachinery.Collector.Decode;

/// <summary>
/// The records a decode worker produced since it last handed them to the sink, in arrays reused from batch to batch
/// so decoding allocates nothing once they have grown to the working size.
/// </summary>
internal sealed class RecordBatch
{
    // Handed on at these counts, so the arrays (sized with room for one more datagram's worth) need not grow.
    private const int FlowsPerBatch = 1024;
    private const int CountersPerBatch = 128;
    private FlowRecord[] _flows = new FlowRecord[FlowsPerBatch * 2];
    private CounterRecord[] _counters = new CounterRecord[CountersPerBatch * 2];

    public int FlowCount { get; private set; }

    public int CounterCount { get; private set; }

    /// <summary>True when the batch should be handed on before more datagrams are decoded into it.</summary>
    public bool IsFull => FlowCount >= FlowsPerBatch || CounterCount >= CountersPerBatch;

    public ReadOnlySpan<FlowRecord> Flows => _flows.AsSpan(0, FlowCount);

    public ReadOnlySpan<CounterRecord> Counters => _counters.AsSpan(0, CounterCount);

    /// <summary>A cleared slot for the next flow record.</summary>
    public ref FlowRecord AddFlow()
    {
        if (FlowCount == _flows.Length)
        {
            Array.Resize(ref _flows, _flows.Length * 2);
        }

        ref var record = ref _flows[FlowCount++];
        record = default;
        return ref record;
    }

    /// <summary>A cleared slot for the next counter record.</summary>
    public ref CounterRecord AddCounter()
    {
        if (CounterCount == _counters.Length)
        {
            Array.Resize(ref _counters, _counters.Length * 2);
        }

        ref var record = ref _counters[CounterCount++];
        record = default;
        return ref record;
    }

    /// <summary>Forgets the records added after the given counts (a datagram that turned out malformed).</summary>
    public void Truncate(int flowCount, int counterCount)
    {
        FlowCount = flowCount;
        CounterCount = counterCount;
    }

    public void Clear()
    {
        FlowCount = 0;
        Array.Clear(_counters, 0, CounterCount);
        CounterCount = 0;
    }
}
