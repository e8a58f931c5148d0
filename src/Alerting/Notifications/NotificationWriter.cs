using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Alerting.Notifications;

/// <summary>
/// Writes NetworkNotifications: one per condition (its name comes from the event id, see <see cref="NotificationNames"/>),
/// created when the condition is raised and updated when it is reported again or cleared; and each channel's delivery in
/// its status. Every write is idempotent: an event recorded twice changes nothing the second time.
/// </summary>
public sealed class NotificationWriter(IResourceClient<V1Alpha1NetworkNotification> notifications, TimeProvider time)
{
    /// <summary>
    /// Records <paramref name="networkEvent"/>: creates its notification, or brings the existing one up to date (a clear
    /// sets <c>spec.event.clearedAt</c>; the time it was raised and the top talkers of then stay). Returns the notification as stored.
    /// </summary>
    /// <exception cref="ArgumentException">The event names no monitor, threshold or id.</exception>
    public async Task<V1Alpha1NetworkNotification> RecordAsync(NetworkEvent networkEvent, CancellationToken cancellationToken)
    {
        var desired = NotificationFactory.Create(networkEvent);
        var key = ObjectKey.Of(desired);
        var existing = await notifications.GetAsync(key, cancellationToken);
        if (existing is null)
        {
            try
            {
                return await notifications.CreateAsync(desired, cancellationToken);
            }
            catch (Exception e) when (ApiErrors.IsConflict(e))
            {
                // Created meanwhile (another replica, a retried event): update that one.
            }

            existing = await notifications.GetAsync(key, cancellationToken)
                ?? throw new InvalidOperationException($"NetworkNotification {key} existed when it was created, and is gone now.");
        }

        var updated = await ConflictRetry.RunAsync(notifications, existing, current =>
        {
            var spec = Merge(current.Spec, desired.Spec);
            if (ResourceJson.Serialize(spec) == ResourceJson.Serialize(current.Spec))
            {
                return Task.FromResult(current);
            }

            var copy = ResourceJson.Clone(current);
            copy.Spec = spec;
            return notifications.ReplaceAsync(copy, cancellationToken);
        }, cancellationToken);
        return updated ?? desired;
    }

    /// <summary>
    /// Writes one channel's delivery into the notification's status and sets its Delivered condition: True once every
    /// channel in <paramref name="channels"/> has it, False (DeliveryFailed) when one gave up, Unknown while attempts go on.
    /// Returns false when the notification is gone.
    /// </summary>
    public async Task<bool> SetDeliveryAsync(ObjectKey key, IReadOnlyCollection<string> channels, ChannelDelivery delivery, CancellationToken cancellationToken)
    {
        var notification = await notifications.GetAsync(key, cancellationToken);
        if (notification is null)
        {
            return false;
        }

        var written = await notifications.UpdateStatusAsync(notification, current =>
        {
            var status = current.Status ??= new NetworkNotificationStatus();
            status.ObservedGeneration = current.Metadata.Generation;
            var index = status.Deliveries.Select((entry, i) => (entry, i)).FirstOrDefault(pair => pair.entry.Channel == delivery.Channel);
            if (index.entry is null)
            {
                status.Deliveries.Add(delivery);
            }
            else
            {
                status.Deliveries[index.i] = delivery;
            }

            SetDelivered(status, channels, current.Metadata.Generation ?? 0, time.GetUtcNow().UtcDateTime);
        }, cancellationToken);
        return written is not null;
    }

    // The first report's raise time and top talkers describe the crossing; later reports bring the value and the clear.
    private static NetworkNotificationSpec Merge(NetworkNotificationSpec? current, NetworkNotificationSpec desired)
    {
        if (current is null)
        {
            return desired;
        }

        var merged = ResourceJson.Clone(desired);
        merged.Event.Timestamp = current.Event.Timestamp ?? desired.Event.Timestamp;
        merged.Event.ClearedAt = desired.Event.ClearedAt ?? current.Event.ClearedAt;
        if (current.TopTalkers.Count > 0)
        {
            merged.TopTalkers = current.TopTalkers;
        }

        return merged;
    }

    private static void SetDelivered(NetworkNotificationStatus status, IReadOnlyCollection<string> channels, long generation, DateTime now)
    {
        var states = channels.Select(channel => status.Deliveries.FirstOrDefault(d => d.Channel == channel)?.State ?? DeliveryState.Pending).ToList();
        var failed = status.Deliveries.Where(d => d.State == DeliveryState.Failed && channels.Contains(d.Channel)).Select(d => d.Channel).ToList();
        var (state, reason, message) = failed.Count > 0
            ? ("False", "DeliveryFailed", $"delivery to {string.Join(", ", failed)} gave up: {status.Deliveries.First(d => d.Channel == failed[0]).LastError}")
            : states.All(s => s == DeliveryState.Delivered)
                ? ("True", "Delivered", channels.Count == 0 ? "the threshold notifies no channel" : $"delivered to {string.Join(", ", channels)}")
                : ("Unknown", "Delivering", $"{states.Count(s => s == DeliveryState.Delivered)} of {channels.Count} channels have it; attempts go on");
        Conditions.Set(status.Conditions, NetworkNotificationConditions.Delivered, state, reason, message, generation, now);
    }
}
