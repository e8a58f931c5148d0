using NetworkMachinery.Alerting.Notifications;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Pipeline;

/// <summary>Records every event as its monitor's NetworkNotification (created when raised, updated when cleared).</summary>
public sealed class NotificationRecorder(NotificationWriter writer) : INetworkEventSink
{
    /// <inheritdoc/>
    public async Task PublishAsync(NetworkEvent networkEvent, V1Alpha1NetworkMonitor monitor, CancellationToken cancellationToken) =>
        await writer.RecordAsync(networkEvent, cancellationToken);
}
