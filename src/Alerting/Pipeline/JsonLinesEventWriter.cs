using Google.Protobuf;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Pipeline;

/// <summary>
/// Writes every event as one line of JSON (protobuf's canonical JSON mapping of <see cref="NetworkEvent"/>, the same
/// field names as on the events topic), for <c>netm run</c>'s stdout.
/// </summary>
public sealed class JsonLinesEventWriter(TextWriter output) : INetworkEventSink
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));

    /// <inheritdoc/>
    public async Task PublishAsync(NetworkEvent networkEvent, V1Alpha1NetworkMonitor monitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(networkEvent);
        await output.WriteLineAsync(Formatter.Format(networkEvent).AsMemory(), cancellationToken);
        await output.FlushAsync(cancellationToken);
    }
}
