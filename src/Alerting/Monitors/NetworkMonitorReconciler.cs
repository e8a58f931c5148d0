using NetworkMachinery.Alerting.Notifications;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Resources;
using NetworkMachinery.Operator.Validation;

namespace NetworkMachinery.Alerting.Monitors;

/// <summary>
/// Reconciles a NetworkMonitor: its status (Ready when its spec is valid; the thresholds crossed now and when one last
/// was, counted from its NetworkNotifications) and its notifications' lifetime: those of a deleted monitor go (the
/// garbage collector does it too, through their owner reference, where a controller manager runs), and those that
/// cleared longer than <see cref="NotificationRetention"/> ago are deleted.
/// </summary>
public sealed class NetworkMonitorReconciler(
    IResourceClient<V1Alpha1NetworkMonitor> monitors,
    IResourceClient<V1Alpha1NetworkNotification> notifications,
    IInformer<V1Alpha1NetworkNotification> notificationInformer,
    NotificationRetention retention,
    TimeProvider time) : IReconciler<V1Alpha1NetworkMonitor>
{
    /// <inheritdoc/>
    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, V1Alpha1NetworkMonitor? monitor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var owned = notificationInformer.Cache.List(key.Namespace ?? "")
            .Where(n => n.Metadata.Labels?.TryGetValue(NotificationLabels.Monitor, out var name) == true && name == key.Name)
            .ToList();
        if (monitor is null || monitor.Metadata.DeletionTimestamp is not null)
        {
            foreach (var notification in owned)
            {
                await notifications.DeleteAsync(ObjectKey.Of(notification), cancellationToken);
            }

            return ReconcileResult.Done;
        }

        var expired = owned.Where(n => n.Spec?.Event.ClearedAt is { } cleared && now - cleared >= retention.Period).ToList();
        foreach (var notification in expired)
        {
            await notifications.DeleteAsync(ObjectKey.Of(notification), cancellationToken);
        }

        var kept = owned.Except(expired).ToList();
        var errors = ResourceValidator.Validate(monitor);
        await monitors.UpdateStatusAsync(monitor, current =>
        {
            var status = current.Status ??= new NetworkMonitorStatus();
            var generation = current.Metadata.Generation ?? 0;
            status.ObservedGeneration = generation;
            status.ActiveEvents = kept.Count(n => n.Spec?.Event.ClearedAt is null);
            status.LastEventAt = kept.Select(n => n.Spec?.Event.Timestamp).Max();
            if (errors.Count > 0)
            {
                Conditions.Set(status.Conditions, NetworkMonitorConditions.Ready, "False", "InvalidSpec", string.Join("; ", errors), generation, now);
            }
            else
            {
                var spec = current.Spec;
                Conditions.Set(
                    status.Conditions, NetworkMonitorConditions.Ready, "True", "Evaluating",
                    $"{spec.Flows.Count} flows and {spec.Thresholds.Count} thresholds are evaluated", generation, now);
            }
        }, cancellationToken);

        // Back when the next cleared notification expires, else at the retention's own pace.
        var next = kept.Select(n => n.Spec?.Event.ClearedAt).OfType<DateTime>().Select(cleared => cleared + retention.Period - now).DefaultIfEmpty(retention.Period).Min();
        return ReconcileResult.RequeueAfter(next < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : next);
    }
}
