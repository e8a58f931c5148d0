using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Delivery;

/// <summary>Where <see cref="NotificationDelivery"/> reports each channel's delivery after every attempt.</summary>
public interface IDeliveryStatusSink
{
    /// <summary>
    /// Records <paramref name="delivery"/>, the state of one channel after an attempt: Pending (attempts go on) with the
    /// attempt count and last error, Delivered with the time, or Failed (given up) with the last error.
    /// </summary>
    /// <param name="networkEvent">The event being delivered.</param>
    /// <param name="channels">The names of every channel the event goes to (the notification is delivered when each has it).</param>
    /// <param name="delivery">The channel's delivery state.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task ReportAsync(NetworkEvent networkEvent, IReadOnlyCollection<string> channels, ChannelDelivery delivery, CancellationToken cancellationToken);
}
