using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Alerting.Monitors;
using NetworkMachinery.Alerting.Notifications;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Hosting;
using NetworkMachinery.Operator.Runtime.Resources;
using NetworkMachinery.Testing.Kubernetes;

namespace NetworkMachinery.Alerting.Tests.Notifications;

/// <summary>
/// The NetworkMonitor controller against the real apiserver: the monitor's status follows its notifications, cleared
/// ones go after the retention, and a deleted monitor's go with it (this apiserver runs no garbage collector, so the
/// owner reference alone would not do it).
/// </summary>
[Collection(ApiServerGroup.Name)]
public sealed class NetworkMonitorControllerTests(KubeApiServerFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Retention = TimeSpan.FromSeconds(3);
    private readonly k8s.Kubernetes _client = fixture.Server.CreateClient();

    [Fact]
    public async Task Status_FollowsTheNotifications_ClearedOnesExpire_AndTheyGoWithTheMonitor()
    {
        await ClusterCrds.InstallAsync(fixture.Server);
        await using var ns = await TestNamespace.CreateAsync(_client);
        using var host = await StartAsync();
        var monitors = new ResourceClient<V1Alpha1NetworkMonitor>(_client);
        var notifications = new ResourceClient<V1Alpha1NetworkNotification>(_client);
        var writer = host.Services.GetRequiredService<NotificationWriter>();
        var monitor = await monitors.CreateAsync(Monitors.Ddos(ns.Name, "ddos"), default);
        var key = ObjectKey.Of(monitor);

        var ready = await UntilAsync(monitors, key, m => m?.Status?.Conditions.Any(c => c.Type == NetworkMonitorConditions.Ready) == true);
        var first = Monitors.Raised(monitor, "first", "10.1.0.1", 300);
        var firstKey = ObjectKey.Of(await writer.RecordAsync(first, default));
        await writer.RecordAsync(Monitors.Raised(monitor, "second", "10.1.0.9", 200), default);
        var active = await UntilAsync(monitors, key, m => m?.Status?.ActiveEvents == 2);
        await writer.RecordAsync(Monitors.Cleared(first, 10), default);
        var oneCleared = await UntilAsync(monitors, key, m => m?.Status?.ActiveEvents == 1);
        var expired = await UntilGoneAsync(notifications, firstKey);
        var left = (await notifications.ListAsync(ns.Name, 100, null, default)).Items;

        await monitors.DeleteAsync(key, default);
        var remaining = await UntilAsync(notifications, ns.Name, items => items.Count == 0);

        var condition = Assert.Single(ready.Status!.Conditions, c => c.Type == NetworkMonitorConditions.Ready);
        Assert.Equal(("True", "Evaluating"), (condition.Status, condition.Reason));
        Assert.NotNull(active.Status!.LastEventAt);
        Assert.Equal(1, oneCleared.Status!.ActiveEvents);
        Assert.True(expired);
        Assert.Equal("second", Assert.Single(left).Spec.Event.Id);
        Assert.Empty(remaining);
    }

    [Fact]
    public async Task InvalidMonitor_IsNotReady_WithTheFieldAndTheFix()
    {
        await ClusterCrds.InstallAsync(fixture.Server);
        await using var ns = await TestNamespace.CreateAsync(_client);
        using var host = await StartAsync();
        var monitors = new ResourceClient<V1Alpha1NetworkMonitor>(_client);
        var invalid = Monitors.Ddos(ns.Name, "broken");
        invalid.Spec.Thresholds[0].Flow = "no-such-flow";

        var monitor = await monitors.CreateAsync(invalid, default);
        var status = await UntilAsync(monitors, ObjectKey.Of(monitor), m => m?.Status?.Conditions.Count > 0);

        var condition = Assert.Single(status.Status!.Conditions);
        Assert.Equal(("False", "InvalidSpec"), (condition.Status, condition.Reason));
        Assert.Contains("spec.thresholds[0].flow", condition.Message, StringComparison.Ordinal);
    }

    private async Task<IHost> StartAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<k8s.IKubernetes>(fixture.Server.CreateClient());
        builder.Services.AddSingleton(Prometheus.Metrics.NewCustomRegistry());
        builder.Services.AddOperatorRuntime();
        builder.Services.AddNetworkMonitors(new NotificationRetention(Retention));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<V1Alpha1NetworkMonitor> UntilAsync(IResourceClient<V1Alpha1NetworkMonitor> monitors, ObjectKey key, Func<V1Alpha1NetworkMonitor?, bool> done)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var monitor = await monitors.GetAsync(key, default);
            if (done(monitor))
            {
                return monitor!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"monitor {key} did not get there within {Timeout}: {k8s.KubernetesJson.Serialize(monitor?.Status)}");
            await Task.Delay(100);
        }
    }

    private static async Task<IList<V1Alpha1NetworkNotification>> UntilAsync(
        IResourceClient<V1Alpha1NetworkNotification> notifications, string ns, Func<IList<V1Alpha1NetworkNotification>, bool> done)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var items = (await notifications.ListAsync(ns, 100, null, default)).Items;
            if (done(items))
            {
                return items;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the notifications of {ns} did not get there within {Timeout}: {items.Count} left");
            await Task.Delay(100);
        }
    }

    private static async Task<bool> UntilGoneAsync(IResourceClient<V1Alpha1NetworkNotification> notifications, ObjectKey key)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (await notifications.GetAsync(key, default) is not null)
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
