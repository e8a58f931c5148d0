using NetworkMachinery.Collector.Records;

namespace NetworkMachinery.Collector.Sinks;

/// <summary>Hands every batch to several sinks in turn.</summary>
public sealed class CompositeSink(IReadOnlyList<IRecordSink> sinks) : IRecordSink
{
    /// <inheritdoc />
    public string Name { get; } = string.Join("+", sinks.Select(s => s.Name));

    /// <inheritdoc />
    public void Write(ReadOnlySpan<FlowRecord> flows, ReadOnlySpan<CounterRecord> counters)
    {
        foreach (var sink in sinks)
        {
            sink.Write(flows, counters);
        }
    }

    /// <inheritdoc />
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        foreach (var sink in sinks)
        {
            await sink.FlushAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var sink in sinks)
        {
            await sink.DisposeAsync();
        }
    }
}
