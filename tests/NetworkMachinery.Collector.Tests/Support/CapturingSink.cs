using System.Threading.Channels;
using NetworkMachinery.Collector.Records;
using NetworkMachinery.Collector.Sinks;

namespace NetworkMachinery.Collector.Tests.Support;

/// <summary>Keeps every record the collector writes, for the test to read back.</summary>
internal sealed class CapturingSink : IRecordSink
{
    private readonly Channel<FlowRecord> _flows = Channel.CreateUnbounded<FlowRecord>();
    private readonly Channel<CounterRecord> _counters = Channel.CreateUnbounded<CounterRecord>();

    public string Name => "capture";

    public ChannelReader<FlowRecord> Flows => _flows.Reader;

    public ChannelReader<CounterRecord> Counters => _counters.Reader;

    public void Write(ReadOnlySpan<FlowRecord> flows, ReadOnlySpan<CounterRecord> counters)
    {
        foreach (ref readonly var flow in flows)
        {
            _flows.Writer.TryWrite(flow);
        }

        foreach (ref readonly var counter in counters)
        {
            _counters.Writer.TryWrite(counter);
        }
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _flows.Writer.TryComplete();
        _counters.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
