using k8s.Models;
using NetworkMachinery.Alerting.Delivery;
using NetworkMachinery.Alerting.Delivery.Secrets;
using NetworkMachinery.Alerting.Notifications;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Resources;
using NetworkMachinery.Testing.Kubernetes;
using TestMonitors = NetworkMachinery.Alerting.Tests.Notifications.Monitors;

namespace NetworkMachinery.Alerting.Tests.Delivery;

/// <summary>
/// Delivery as the operator runs it: URLs and HMAC keys from Secrets in the monitor's namespace, each channel's state
/// written into the NetworkNotification's status, against the real apiserver and real receivers on loopback.
/// </summary>
[Collection(ApiServerGroup.Name)]
public sealed class NotificationStatusSinkTests(KubeApiServerFixture fixture)
{
    private readonly k8s.Kubernetes _client = fixture.Server.CreateClient();

    [Fact]
    public async Task Deliver_OneChannelsSecretPresentOneMissing_StatusHasBoth_DeliveredConditionFalse()
    {
        await ClusterCrds.InstallAsync(fixture.Server);
        await using var ns = await TestNamespace.CreateAsync(_client);
        await using var receiver = await WebhookReceiver.StartAsync();
        await KubernetesSecretResolverTests.CreateSecretAsync(_client, ns.Name, "hook", new() { ["url"] = receiver.Url() + "\n", ["hmac"] = "k" });
        var (writer, notifications, evt) = await RecordAsync(ns.Name);
        NotificationChannel[] channels =
        [
            new() { Name = "hook", Webhook = new WebhookChannel { UrlSecretRef = new() { Name = "hook", Key = "url" }, HmacSecretRef = new() { Name = "hook", Key = "hmac" } } },
            new() { Name = "ops", Slack = new SlackChannel { WebhookSecretRef = new() { Name = "slack", Key = "url" } } },
        ];

        await DeliveryFixtures.Create(new KubernetesSecretResolver(_client)).DeliverAsync(evt, channels, new NotificationStatusSink(writer), default);

        var request = Assert.Single(receiver.Requests);
        Assert.NotNull(request.Header("X-Netm-Signature"));
        var status = (await notifications.GetAsync(new ObjectKey(ns.Name, NotificationNames.For("ddos-monitor", "ddos", evt.EventId)), default))!.Status!;
        var hook = status.Deliveries.Single(d => d.Channel == "hook");
        var ops = status.Deliveries.Single(d => d.Channel == "ops");
        Assert.Equal((DeliveryState.Delivered, 1, null), (hook.State, hook.Attempts, hook.LastError));
        Assert.NotNull(hook.DeliveredAt);
        Assert.Equal((DeliveryState.Failed, 1), (ops.State, ops.Attempts));
        Assert.Equal($"Secret {ns.Name}/slack does not exist; create it with the key url, or fix the channel's secret reference; not retried", ops.LastError);
        var delivered = Assert.Single(status.Conditions, c => c.Type == NetworkNotificationConditions.Delivered);
        Assert.Equal(("False", "DeliveryFailed"), (delivered.Status, delivered.Reason));
        Assert.Contains("ops", delivered.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_ReceiverDown_StatusEndsFailedAfterEveryAttempt()
    {
        await ClusterCrds.InstallAsync(fixture.Server);
        await using var ns = await TestNamespace.CreateAsync(_client);
        var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.Url();
        await receiver.DisposeAsync();
        await KubernetesSecretResolverTests.CreateSecretAsync(_client, ns.Name, "hook", new() { ["url"] = url });
        var (writer, notifications, evt) = await RecordAsync(ns.Name);
        NotificationChannel[] channels = [new() { Name = "hook", Webhook = new WebhookChannel { UrlSecretRef = new() { Name = "hook", Key = "url" } } }];
        var sink = new ObservingSink(new NotificationStatusSink(writer), notifications, new ObjectKey(ns.Name, NotificationNames.For("ddos-monitor", "ddos", evt.EventId)));

        await DeliveryFixtures.Create(new KubernetesSecretResolver(_client)).DeliverAsync(evt, channels, sink, default);

        // Each attempt was in the status when the next began: Pending with the count and error, then Failed.
        Assert.Equal([(DeliveryState.Pending, 1), (DeliveryState.Pending, 2), (DeliveryState.Pending, 3), (DeliveryState.Failed, 4)], sink.Seen.Select(d => (d.State, d.Attempts)));
        var final = sink.Seen[^1];
        Assert.Contains("connection failed", final.LastError, StringComparison.Ordinal);
        Assert.EndsWith("gave up after 4 attempts", final.LastError, StringComparison.Ordinal);
        var notification = (await notifications.GetAsync(sink.Key, default))!;
        Assert.Equal("DeliveryFailed", Assert.Single(notification.Status!.Conditions, c => c.Type == NetworkNotificationConditions.Delivered).Reason);
    }

    private async Task<(NotificationWriter Writer, ResourceClient<V1Alpha1NetworkNotification> Notifications, Contracts.NetworkEvent Event)> RecordAsync(string ns)
    {
        var monitor = await new ResourceClient<V1Alpha1NetworkMonitor>(_client).CreateAsync(TestMonitors.Ddos(ns, "ddos-monitor"), default);
        var notifications = new ResourceClient<V1Alpha1NetworkNotification>(_client);
        var writer = new NotificationWriter(notifications, TimeProvider.System);
        var evt = TestMonitors.Raised(monitor, "ddos/10.1.0.1/1", "10.1.0.1", 250);
        await writer.RecordAsync(evt, default);
        return (writer, notifications, evt);
    }

    // Reads the notification back after every report, so the test sees what the apiserver held at each step.
    private sealed class ObservingSink(IDeliveryStatusSink inner, ResourceClient<V1Alpha1NetworkNotification> notifications, ObjectKey key) : IDeliveryStatusSink
    {
        public ObjectKey Key => key;

        public List<ChannelDelivery> Seen { get; } = [];

        public async Task ReportAsync(Contracts.NetworkEvent networkEvent, IReadOnlyCollection<string> channels, ChannelDelivery delivery, CancellationToken cancellationToken)
        {
            await inner.ReportAsync(networkEvent, channels, delivery, cancellationToken);
            var stored = await notifications.GetAsync(key, cancellationToken);
            Seen.Add(stored!.Status!.Deliveries.Single());
        }
    }
}
