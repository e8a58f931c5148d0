using NetworkMachinery.Collector.Records;

namespace NetworkMachinery.Collector.Sinks;

/// <summary>
/// Where decoded records go. Decode workers call <see cref="Write"/> concurrently, each with a batch of records whose
/// memory is reused after the call returns: a sink that keeps records must copy them.
/// </summary>
public interface IRecordSink : IAsyncDisposable
{
    /// <summary>A short name for logs and metrics.</summary>
    string Name { get; }

    /// <summary>Takes a batch of records. Must not block for long: the decode worker waits.</summary>
    void Write(ReadOnlySpan<FlowRecord> flows, ReadOnlySpan<CounterRecord> counters);

    /// <summary>Pushes out anything buffered.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken = default);
}
