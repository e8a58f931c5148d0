using Microsoft.Extensions.Logging;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Delivery;

/// <summary>
/// Where deliveries are reported without a cluster (<c>netm run</c>): there is no NetworkNotification to hold the
/// status, so each channel's final state (delivered, or given up on with the last error) is logged.
/// </summary>
public sealed partial class LoggingStatusSink(ILogger logger) : IDeliveryStatusSink
{
    /// <inheritdoc/>
    public Task ReportAsync(NetworkEvent networkEvent, IReadOnlyCollection<string> channels, ChannelDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(networkEvent);
        ArgumentNullException.ThrowIfNull(delivery);
        var monitor = $"{networkEvent.Monitor?.Namespace}/{networkEvent.Monitor?.Name}";
        switch (delivery.State)
        {
            case DeliveryState.Delivered:
                Delivered(logger, networkEvent.Kind, networkEvent.EventId, monitor, delivery.Channel, delivery.Attempts);
                break;
            case DeliveryState.Failed:
                Failed(logger, networkEvent.Kind, networkEvent.EventId, monitor, delivery.Channel, delivery.Attempts, delivery.LastError);
                break;
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(1, LogLevel.Information, "{Kind} {EventId} of {Monitor}: delivered to channel {Channel} (attempts: {Attempts})")]
    private static partial void Delivered(ILogger logger, NetworkEvent.Types.Kind kind, string eventId, string monitor, string channel, int attempts);

    [LoggerMessage(2, LogLevel.Warning, "{Kind} {EventId} of {Monitor}: not delivered to channel {Channel}, given up after {Attempts} attempts: {Error}")]
    private static partial void Failed(ILogger logger, NetworkEvent.Types.Kind kind, string eventId, string monitor, string channel, int attempts, string? error);
}
