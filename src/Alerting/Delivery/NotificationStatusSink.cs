using NetworkMachinery.Alerting.Notifications;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Alerting.Delivery;

/// <summary>
/// Writes each report into the status of the event's NetworkNotification (<see cref="NotificationWriter.SetDeliveryAsync"/>):
/// <c>status.deliveries[]</c> and the Delivered condition. A notification that is gone (its monitor deleted) is skipped.
/// </summary>
public sealed class NotificationStatusSink(NotificationWriter writer) : IDeliveryStatusSink
{
    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The event names no monitor, threshold or id.</exception>
    public Task ReportAsync(NetworkEvent networkEvent, IReadOnlyCollection<string> channels, ChannelDelivery delivery, CancellationToken cancellationToken) =>
        writer.SetDeliveryAsync(ObjectKey.Of(NotificationFactory.Create(networkEvent)), channels, delivery, cancellationToken);
}
