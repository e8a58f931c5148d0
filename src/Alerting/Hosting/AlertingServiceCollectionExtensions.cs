using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Alerting.Delivery;
using NetworkMachinery.Alerting.Engine;
using NetworkMachinery.Alerting.Monitors;
using NetworkMachinery.Alerting.Notifications;
using NetworkMachinery.Alerting.Pipeline;
using NetworkMachinery.Bus;
using NetworkMachinery.Bus.Topics;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Hosting;
using NetworkMachinery.Operator.Runtime.Informers;
using Prometheus;

namespace NetworkMachinery.Alerting.Hosting;

/// <summary>Adds alerting to the operator: the NetworkMonitor controller and the evaluating pipeline.</summary>
public static class AlertingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the NetworkMonitor controller (<see cref="MonitorServiceCollectionExtensions.AddNetworkMonitors"/>) and the
    /// pipeline that evaluates the monitors over the bus's flows, counters and probe results while this instance leads,
    /// publishing each event on the events topic, recording it as a NetworkNotification and delivering it to its
    /// channels (<see cref="DeliveryServiceCollectionExtensions.AddNotificationDelivery"/>, Secrets read through the
    /// Kubernetes API). Needs the operator runtime,
    /// an <see cref="IMessageBus"/> and the <see cref="BusTopics"/> registered.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="retention">How long cleared notifications stay; null for a day.</param>
    /// <param name="namespace">The namespace whose monitors to evaluate, or null for all.</param>
    /// <param name="options">The pipeline's options; null for the defaults.</param>
    public static IServiceCollection AddAlerting(this IServiceCollection services, NotificationRetention? retention = null, string? @namespace = null, AlertingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddNetworkMonitors(retention, @namespace);
        services.AddNotificationDelivery();
        services.AddSingleton(provider => new ChannelDeliverySink(
            provider.GetRequiredService<NotificationDelivery>(),
            provider.GetRequiredService<NotificationStatusSink>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("netm.delivery")));
        services.AddSingleton(provider => new BusEventPublisher(
            provider.GetRequiredService<IMessageBus>().CreateProducer("alerting"), provider.GetRequiredService<BusTopics>()));
        services.AddInformer<V1Alpha1NetworkMonitor>(@namespace);
        services.AddSingleton(provider => new AlertingMetrics(provider.GetRequiredService<CollectorRegistry>()));
        services.AddSingleton<IController>(provider =>
        {
            var bus = provider.GetRequiredService<IMessageBus>();
            var topics = provider.GetRequiredService<BusTopics>();
            var time = provider.GetRequiredService<TimeProvider>();
            var metrics = provider.GetRequiredService<AlertingMetrics>();
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("netm.alerting");
            // Recorded before delivered: the deliveries' states are written into the notification.
            INetworkEventSink[] sinks =
            [
                provider.GetRequiredService<BusEventPublisher>(),
                new NotificationRecorder(provider.GetRequiredService<NotificationWriter>()),
                provider.GetRequiredService<ChannelDeliverySink>(),
            ];
            return new AlertingController(
                () => new AlertingPipeline(bus, topics, new MonitorEngine(time, metrics), sinks, options ?? new AlertingOptions(), time, logger),
                provider.GetRequiredService<IInformer<V1Alpha1NetworkMonitor>>());
        });
        return services;
    }
}
