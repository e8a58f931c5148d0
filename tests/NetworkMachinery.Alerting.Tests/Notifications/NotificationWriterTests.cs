using NetworkMachinery.Alerting.Notifications;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Resources;
using NetworkMachinery.Testing.Kubernetes;

namespace NetworkMachinery.Alerting.Tests.Notifications;

/// <summary>The NetworkNotifications alerting writes, against the real apiserver with the chart's CRDs.</summary>
[Collection(ApiServerGroup.Name)]
public sealed class NotificationWriterTests(KubeApiServerFixture fixture)
{
    private readonly k8s.Kubernetes _client = fixture.Server.CreateClient();

    [Fact]
    public async Task Record_RaisedReportedAgainAndCleared_IsOneNotification_OwnedByTheMonitor_WithClearedAtAtTheEnd()
    {
        await ClusterCrds.InstallAsync(fixture.Server);
        await using var ns = await TestNamespace.CreateAsync(_client);
        var monitor = await new ResourceClient<V1Alpha1NetworkMonitor>(_client).CreateAsync(Monitors.Ddos(ns.Name, "ddos-monitor"), default);
        var notifications = new ResourceClient<V1Alpha1NetworkNotification>(_client);
        var writer = new NotificationWriter(notifications, TimeProvider.System);
        var raised = Monitors.Raised(monitor, "ddos/10.1.0.1/1", "10.1.0.1", 250);

        var created = await writer.RecordAsync(raised, default);
        var again = await writer.RecordAsync(raised, default);
        var cleared = await writer.RecordAsync(Monitors.Cleared(raised, 40), default);

        Assert.Equal(created.Metadata.ResourceVersion, again.Metadata.ResourceVersion);
        Assert.Equal(created.Metadata.Name, cleared.Metadata.Name);
        Assert.StartsWith("ddos-monitor-ddos-", created.Metadata.Name, StringComparison.Ordinal);
        var owner = Assert.Single(created.Metadata.OwnerReferences);
        Assert.Equal((V1Alpha1NetworkMonitor.KubeKind, monitor.Metadata.Uid, true), (owner.Kind, owner.Uid, owner.Controller));
        Assert.Equal("ddos-monitor", created.Metadata.Labels[NotificationLabels.Monitor]);
        var spec = created.Spec;
        Assert.Equal(("ddos-monitor", "ddos", 250.0, 100.0, "10s", "192.0.2.1", "veth1"),
            (spec.Monitor, spec.Threshold, spec.Event.Value, spec.Event.ThresholdValue, spec.Event.Window, spec.Event.Agent, spec.Event.DataSource));
        Assert.Equal("10.1.0.1", spec.FlowKey["srcAddr"]);
        Assert.Null(spec.Event.ClearedAt);
        Assert.Equal(250.0, Assert.Single(spec.TopTalkers).Value);

        // The clear keeps when it was raised and who talked then; it brings the value and the time it ended.
        Assert.Equal(spec.Event.Timestamp, cleared.Spec.Event.Timestamp);
        Assert.Equal(spec.Event.Timestamp!.Value.AddSeconds(40), cleared.Spec.Event.ClearedAt);
        Assert.Equal(40.0, cleared.Spec.Event.Value);
        Assert.Single(cleared.Spec.TopTalkers);
        Assert.Single(await notifications.ListAsync(ns.Name, 100, null, default) is { } list ? list.Items : []);
    }

    [Fact]
    public async Task SetDelivery_EachChannelInTheStatus_DeliveredConditionFollowsThem()
    {
        await ClusterCrds.InstallAsync(fixture.Server);
        await using var ns = await TestNamespace.CreateAsync(_client);
        var monitor = await new ResourceClient<V1Alpha1NetworkMonitor>(_client).CreateAsync(Monitors.Ddos(ns.Name, "m"), default);
        var notifications = new ResourceClient<V1Alpha1NetworkNotification>(_client);
        var writer = new NotificationWriter(notifications, TimeProvider.System);
        var key = ObjectKey.Of(await writer.RecordAsync(Monitors.Raised(monitor, "e1", "10.1.0.1", 150), default));
        string[] channels = ["ops", "hook"];

        await writer.SetDeliveryAsync(key, channels, new ChannelDelivery { Channel = "ops", State = DeliveryState.Delivered, Attempts = 1, DeliveredAt = DateTime.UtcNow }, default);
        var one = await notifications.GetAsync(key, default);
        await writer.SetDeliveryAsync(key, channels, new ChannelDelivery { Channel = "hook", State = DeliveryState.Failed, Attempts = 5, LastError = "connection refused" }, default);
        var failed = await notifications.GetAsync(key, default);
        await writer.SetDeliveryAsync(key, channels, new ChannelDelivery { Channel = "hook", State = DeliveryState.Delivered, Attempts = 6, DeliveredAt = DateTime.UtcNow }, default);
        var all = await notifications.GetAsync(key, default);
        var gone = await writer.SetDeliveryAsync(new ObjectKey(ns.Name, "absent"), channels, new ChannelDelivery { Channel = "ops" }, default);

        Assert.Equal("Unknown", Delivered(one!).Status);
        Assert.Equal(("False", "DeliveryFailed"), (Delivered(failed!).Status, Delivered(failed!).Reason));
        Assert.Contains("hook", Delivered(failed!).Message, StringComparison.Ordinal);
        Assert.Contains("connection refused", Delivered(failed!).Message, StringComparison.Ordinal);
        Assert.Equal("True", Delivered(all!).Status);
        Assert.Equal([("ops", DeliveryState.Delivered, 1), ("hook", DeliveryState.Delivered, 6)], all!.Status!.Deliveries.Select(d => (d.Channel, d.State, d.Attempts)));
        Assert.False(gone);
    }

    private static k8s.Models.V1Condition Delivered(V1Alpha1NetworkNotification notification) =>
        Assert.Single(notification.Status!.Conditions, c => c.Type == NetworkNotificationConditions.Delivered);
}
