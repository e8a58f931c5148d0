using NetworkMachinery.Collector.Records;

namespace NetworkMachinery.Collector.Export;

/// <summary>A copy of one batch of a decode worker's records, waiting for the exporter; pooled and reused.</summary>
internal sealed class ExportBatch
{
    private FlowRecord[] _flows = [];
    private CounterRecord[] _counters = [];

    public int FlowCount { get; private set; }

    public int CounterCount { get; private set; }

    public ReadOnlySpan<FlowRecord> Flows => _flows.AsSpan(0, FlowCount);

    public ReadOnlySpan<CounterRecord> Counters => _counters.AsSpan(0, CounterCount);

    public void Fill(ReadOnlySpan<FlowRecord> flows, ReadOnlySpan<CounterRecord> counters)
    {
        if (_flows.Length < flows.Length)
        {
            _flows = new FlowRecord[flows.Length];
        }

        if (_counters.Length < counters.Length)
        {
            _counters = new CounterRecord[counters.Length];
        }

        flows.CopyTo(_flows);
        counters.CopyTo(_counters);
        FlowCount = flows.Length;
        CounterCount = counters.Length;
    }

    /// <summary>Lets go of the counter records' strings and structures before the batch goes back to the pool.</summary>
    public void Clear()
    {
        _counters.AsSpan(0, CounterCount).Clear();
        FlowCount = 0;
        CounterCount = 0;
    }
}
