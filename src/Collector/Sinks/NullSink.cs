using NetworkMachinery.Collector.Records;

namespace NetworkMachinery.Collector.Sinks;

/// <summary>Discards records: <c>--output none</c>, for measuring decode and accounting alone.</summary>
public sealed class NullSink : IRecordSink
{
    /// <inheritdoc />
    public string Name => "none";

    /// <inheritdoc />
    public void Write(ReadOnlySpan<FlowRecord> flows, ReadOnlySpan<CounterRecord> counters)
    {
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
