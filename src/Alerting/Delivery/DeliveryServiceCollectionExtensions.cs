using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Alerting.Delivery.Secrets;
using NetworkMachinery.Alerting.Notifications;
using Prometheus;

namespace NetworkMachinery.Alerting.Delivery;

/// <summary>Registers notification delivery.</summary>
public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="NotificationDelivery"/> with its own HTTP client (redirects not followed: a redirected POST
    /// would arrive as a GET), its <see cref="DeliveryMetrics"/>, and an <see cref="ISecretResolver"/>: the one
    /// registered before this call (a <see cref="StaticSecretResolver"/> standalone), else a
    /// <see cref="KubernetesSecretResolver"/> over the registered <see cref="IKubernetes"/>. Where a
    /// <see cref="NotificationWriter"/> is registered (<c>AddNetworkMonitors</c>), <see cref="NotificationStatusSink"/> writes
    /// the deliveries into the notifications. A <see cref="TimeProvider"/> and <see cref="CollectorRegistry"/> registered
    /// before are used instead of the system clock and the default registry.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="policy">Attempts, backoff and timeouts; null for <see cref="DeliveryPolicy.Default"/>.</param>
    /// <param name="rateLimit">The limit per URL; null for <see cref="DeliveryRateLimit.Default"/>.</param>
    public static IServiceCollection AddNotificationDelivery(this IServiceCollection services, DeliveryPolicy? policy = null, DeliveryRateLimit? rateLimit = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(Prometheus.Metrics.DefaultRegistry);
        services.TryAddSingleton<ISecretResolver>(provider => new KubernetesSecretResolver(provider.GetRequiredService<IKubernetes>()));
        services.AddSingleton<DeliveryMetrics>();
        services.AddSingleton(provider => new NotificationDelivery(
            new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }),
            provider.GetRequiredService<ISecretResolver>(),
            policy ?? DeliveryPolicy.Default,
            rateLimit ?? DeliveryRateLimit.Default,
            provider.GetRequiredService<DeliveryMetrics>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<NotificationDelivery>>()));
        services.TryAddSingleton<NotificationStatusSink>();
        return services;
    }
}
