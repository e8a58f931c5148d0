using Microsoft.Extensions.DependencyInjection;
using NetworkMachinery.Alerting.Notifications;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Hosting;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Alerting.Monitors;

/// <summary>Registers the NetworkMonitor controller and the notification writer.</summary>
public static class MonitorServiceCollectionExtensions
{
    /// <summary>
    /// Adds the NetworkMonitor controller (<see cref="NetworkMonitorReconciler"/>), which a change of one of the monitor's
    /// notifications reconciles again, and the <see cref="NotificationWriter"/>.
    /// </summary>
    /// <param name="services">The services, with the operator runtime added.</param>
    /// <param name="retention">How long cleared notifications stay; null for a day.</param>
    /// <param name="namespace">The namespace whose monitors to reconcile, or null for all.</param>
    public static IServiceCollection AddNetworkMonitors(this IServiceCollection services, NotificationRetention? retention = null, string? @namespace = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(retention ?? NotificationRetention.Default);
        services.AddSingleton<NotificationWriter>();
        services.AddController<V1Alpha1NetworkMonitor, NetworkMonitorReconciler>(
                new ControllerOptions { Name = "networkmonitors", Namespace = @namespace, Workers = 2 })
            .Watches<V1Alpha1NetworkNotification>((notification, _) => MonitorOf(notification));
        return services;
    }

    private static IEnumerable<ObjectKey> MonitorOf(V1Alpha1NetworkNotification notification) =>
        notification.Metadata.Labels?.TryGetValue(NotificationLabels.Monitor, out var monitor) == true
            ? [new ObjectKey(notification.Metadata.NamespaceProperty, monitor)]
            : [];
}
