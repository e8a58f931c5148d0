using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Alerting.Delivery;
using NetworkMachinery.Alerting.Delivery.Secrets;
using TestMonitors = NetworkMachinery.Alerting.Tests.Notifications.Monitors;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;
using Prometheus;

namespace NetworkMachinery.Alerting.Tests.Delivery;

/// <summary>Deliveries with short waits, channels and an event, for the delivery tests.</summary>
internal static class DeliveryFixtures
{
    /// <summary>Four attempts, backoff from 20 ms to 100 ms, 2 s per attempt: a test sees every retry within a second.</summary>
    public static readonly DeliveryPolicy FastPolicy = new()
    {
        MaxAttempts = 4,
        BackoffBase = TimeSpan.FromMilliseconds(20),
        BackoffMax = TimeSpan.FromMilliseconds(100),
        AttemptTimeout = TimeSpan.FromSeconds(2),
    };

    /// <summary>A limit no test reaches unless it means to.</summary>
    public static readonly DeliveryRateLimit NoLimit = new() { PerSecond = 10_000, Burst = 10_000 };

    private static readonly HttpClient Http = new();

    public static NotificationDelivery Create(ISecretResolver secrets, CollectorRegistry? registry = null, DeliveryPolicy? policy = null, DeliveryRateLimit? rateLimit = null) =>
        new(Http, secrets, policy ?? FastPolicy, rateLimit ?? NoLimit, new DeliveryMetrics(registry ?? Metrics.NewCustomRegistry()), TimeProvider.System, NullLogger<NotificationDelivery>.Instance);

    /// <summary>A raised byFlow event of the ddos threshold of monitor <paramref name="ns"/>/ddos-monitor.</summary>
    public static NetworkEvent Raised(string ns = "default", string id = "ddos/10.1.0.1/1")
    {
        var monitor = TestMonitors.Ddos(ns, "ddos-monitor");
        monitor.Metadata.Uid = "0b5e1e4e-6c1a-4f7e-9b43-3c1c2f1d0a11";
        var raised = TestMonitors.Raised(monitor, id, "10.1.0.1", 250);
        raised.IfIndex = 7;
        raised.TopTalkers.Add(new NetworkEvent.Types.Talker { Key = { ["srcAddr"] = "10.1.0.9", ["dstAddr"] = "10.1.0.2" }, Value = 120 });
        return raised;
    }

    public static NotificationChannel Webhook(string name, string url, SecretKeyReference? hmac = null) =>
        new() { Name = name, Webhook = new WebhookChannel { Url = url, HmacSecretRef = hmac } };

    public static NotificationChannel Slack(string name, string url) => new() { Name = name, Slack = new SlackChannel { Url = url } };

    public static StaticSecretResolver NoSecrets() => new([]);

    public static async Task<string> ScrapeAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
