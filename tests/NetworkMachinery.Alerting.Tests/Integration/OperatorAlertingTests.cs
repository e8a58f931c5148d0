using k8s.Models;
using NetworkMachinery.Alerting.Delivery.Payloads;
using NetworkMachinery.Alerting.Tests.Delivery;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Resources;
using NetworkMachinery.Testing.Kafka;
using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Alerting.Tests.Integration;

/// <summary>
/// Alerting as deployed, short of pods: <c>netm collect</c> exports sFlow to a real Kafka broker, <c>netm operator</c>
/// (against the real apiserver) evaluates the NetworkMonitor over it, records the NetworkNotification owned by the
/// monitor, delivers it to the webhook whose URL and HMAC key are in a Secret, writes the delivery into the
/// notification's status, and deletes the notifications with the monitor.
/// </summary>
[Collection(ApiServerGroup.Name)]
public sealed class OperatorAlertingTests(KubeApiServerFixture apiServer, KafkaBrokerFixture kafka)
{
    private const string HmacKey = "operator-test-key";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly k8s.Kubernetes _client = apiServer.Server.CreateClient();

    [Fact]
    public async Task Operator_RaisesTheNotification_DeliversItSigned_RecordsTheDelivery_ClearsIt_AndDeletesItWithTheMonitor()
    {
        await ClusterCrds.InstallAsync(apiServer.Server);
        await using var ns = await TestNamespace.CreateAsync(_client);
        await using var receiver = await WebhookReceiver.StartAsync();
        await KubernetesSecretResolverTests.CreateSecretAsync(_client, ns.Name, "hook", new() { ["url"] = receiver.Url("/hook"), ["hmac"] = HmacKey });
        var monitors = new ResourceClient<V1Alpha1NetworkMonitor>(_client);
        var notifications = new ResourceClient<V1Alpha1NetworkNotification>(_client);
        var monitor = await monitors.CreateAsync(Monitor(ns.Name), default);

        var kafkaOptions = kafka.Broker.CommandLineArguments($"nmt{Guid.NewGuid():N}"[..16]);
        var sflowPort = FreePorts.Udp();
        await using var collector = BackgroundProcess.Start("dotnet", [
            NetmOperatorProcess.Netm, "collect", "--listen", $"127.0.0.1:{sflowPort}", "--output", "none", "--metrics-listen", "none", .. kafkaOptions,
        ]);
        await collector.WaitForOutputAsync("Listening for sFlow", Timeout);
        await using var operatorProcess = await NetmOperatorProcess.StartAsync(apiServer.Server, ns.Name, ["--no-webhook", .. kafkaOptions]);

        using var talker = new HeavyTalker(sflowPort);
        Assert.True(
            await talker.SendUntilAsync(() => receiver.Posted("ThresholdRaised").Count > 0, Timeout),
            $"no ThresholdRaised reached the receiver; operator: {operatorProcess.Process.StandardError}\ncollector: {collector.StandardError}");

        var request = receiver.Requests[0];
        Assert.True(
            WebhookSignature.Verify(HmacKey, long.Parse(request.Header(WebhookSignature.TimestampHeader)!, System.Globalization.CultureInfo.InvariantCulture), request.Body, request.Header(WebhookSignature.SignatureHeader)),
            "the delivery's signature does not verify with the Secret's key");
        V1Alpha1NetworkNotification? delivered = null;
        Assert.True(
            await Poll.UntilAsync(
                () => (delivered = notifications.ListAsync(ns.Name, 100, null, default).Result.Items.SingleOrDefault())?.Status?.Deliveries
                    .Any(d => d.Channel == "receiver" && d.State == DeliveryState.Delivered) == true,
                Timeout),
            $"no notification with a delivered status: {delivered?.Status?.Deliveries.FirstOrDefault()?.State}");
        var owner = Assert.Single(delivered!.Metadata.OwnerReferences);
        Assert.Equal((monitor.Uid(), "NetworkMonitor"), (owner.Uid, owner.Kind));
        Assert.Equal(HeavyTalker.Source.ToString(), delivered.Spec.FlowKey["srcAddr"]);
        Assert.Contains(delivered.Status!.Conditions, c => c.Type == NetworkNotificationConditions.Delivered && c.Status == "True");

        // The talker stopped: the condition clears, on the same notification.
        Assert.True(
            await Poll.UntilAsync(() => notifications.GetAsync(ObjectKey.Of(delivered), default).Result?.Spec.Event.ClearedAt is not null, Timeout),
            "the notification was not cleared");

        await monitors.DeleteAsync(ObjectKey.Of(monitor), default);
        Assert.True(
            await Poll.UntilAsync(() => notifications.ListAsync(ns.Name, 100, null, default).Result.Items.Count == 0, Timeout),
            "the notifications outlived their monitor");
    }

    private static V1Alpha1NetworkMonitor Monitor(string ns) => new()
    {
        Metadata = new V1ObjectMeta { Name = "talkers", NamespaceProperty = ns },
        Spec = new NetworkMonitorSpec
        {
            Flows = [new MonitorFlow { Name = "pairs", Keys = [FlowKey.SrcAddr, FlowKey.DstAddr], Value = FlowValue.Bytes }],
            Thresholds = [new MonitorThreshold { Name = "heavy-talker", Flow = "pairs", Value = 100_000, Window = "2s", Hold = "2s", ByFlow = true }],
            Channels =
            [
                new NotificationChannel
                {
                    Name = "receiver",
                    Webhook = new WebhookChannel
                    {
                        UrlSecretRef = new SecretKeyReference { Name = "hook", Key = "url" },
                        HmacSecretRef = new SecretKeyReference { Name = "hook", Key = "hmac" },
                    },
                },
            ],
        },
    };
}
