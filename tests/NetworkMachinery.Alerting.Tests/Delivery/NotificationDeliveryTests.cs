using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NetworkMachinery.Alerting.Delivery.Secrets;
using NetworkMachinery.Operator.Entities;
using Prometheus;
using TestMonitors = NetworkMachinery.Alerting.Tests.Notifications.Monitors;
using static NetworkMachinery.Alerting.Tests.Delivery.DeliveryFixtures;

namespace NetworkMachinery.Alerting.Tests.Delivery;

/// <summary>Deliveries to real HTTP receivers on loopback: what they receive, retries, refusals, rate limits, and the status reported.</summary>
public sealed class NotificationDeliveryTests
{
    [Fact]
    public async Task Deliver_Webhook_ReceiverGetsTheDocumentedBodyWithAValidSignature()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var secrets = new StaticSecretResolver([new("default/hook/hmac", "s3cret-key")]);
        var sink = new RecordingSink();
        var evt = Raised();

        await Create(secrets).DeliverAsync(evt, [Webhook("hook", receiver.Url(), new SecretKeyReference { Name = "hook", Key = "hmac" })], sink, default);

        var request = Assert.Single(receiver.Requests);
        // The receiver's check, as docs/notifications.md tells receivers to do it: HMAC-SHA256 of "<timestamp>.<body>".
        var timestamp = request.Header("X-Netm-Timestamp")!;
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret-key"), (byte[])[.. Encoding.ASCII.GetBytes(timestamp + "."), .. request.Body]));
        Assert.Equal(expected, request.Header("X-Netm-Signature"));
        Assert.InRange(long.Parse(timestamp, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("/events", request.Path);

        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(("ThresholdRaised", "ddos/10.1.0.1/1", 250.0), (body.GetProperty("kind").GetString(), body.GetProperty("eventId").GetString(), body.GetProperty("value").GetDouble()));
        Assert.StartsWith("ddos-monitor-ddos-", body.GetProperty("notification").GetString(), StringComparison.Ordinal);
        Assert.Equal(("default", "ddos-monitor"), (body.GetProperty("monitor").GetProperty("namespace").GetString(), body.GetProperty("monitor").GetProperty("name").GetString()));
        var threshold = body.GetProperty("threshold");
        Assert.Equal(("ddos", "tcp", "frames", 100.0, "10s", true),
            (threshold.GetProperty("name").GetString(), threshold.GetProperty("flow").GetString(), threshold.GetProperty("metric").GetString(),
             threshold.GetProperty("value").GetDouble(), threshold.GetProperty("window").GetString(), threshold.GetProperty("byFlow").GetBoolean()));
        Assert.Equal("10.1.0.1", body.GetProperty("flowKey").GetProperty("srcAddr").GetString());
        Assert.Equal([250.0, 120.0], body.GetProperty("topTalkers").EnumerateArray().Select(t => t.GetProperty("value").GetDouble()));
        Assert.Equal("10.1.0.9", body.GetProperty("topTalkers")[1].GetProperty("flowKey").GetProperty("srcAddr").GetString());
        var agent = body.GetProperty("agent");
        Assert.Equal(("192.0.2.1", 7, "veth1"), (agent.GetProperty("address").GetString(), agent.GetProperty("ifIndex").GetInt32(), agent.GetProperty("interface").GetString()));
        Assert.Equal("2025-11-24T16:00:00.000Z", body.GetProperty("raisedAt").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("clearedAt").ValueKind);

        var report = Assert.Single(sink.Reports);
        Assert.Equal(["hook"], report.Channels);
        Assert.Equal((DeliveryState.Delivered, 1, null), (report.Delivery.State, report.Delivery.Attempts, report.Delivery.LastError));
        Assert.NotNull(report.Delivery.DeliveredAt);
    }

    [Fact]
    public async Task Deliver_WebhookWithoutHmac_IsUnsigned()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        await Create(NoSecrets()).DeliverAsync(Raised(), [Webhook("hook", receiver.Url())], new RecordingSink(), default);

        var request = Assert.Single(receiver.Requests);
        Assert.Null(request.Header("X-Netm-Signature"));
        Assert.Null(request.Header("X-Netm-Timestamp"));
    }

    [Fact]
    public async Task Deliver_Slack_MessageHasTextAndBlocksWithTheKeyFacts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var sink = new RecordingSink();

        await Create(NoSecrets()).DeliverAsync(Raised(), [Slack("ops", receiver.Url("/services/T0/B0/x"))], sink, default);

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/services/T0/B0/x", request.Path);
        var message = JsonDocument.Parse(request.Body).RootElement;
        var text = message.GetProperty("text").GetString()!;
        Assert.Contains("ddos raised on default/ddos-monitor: 250 &gt; limit 100 frames over 10s for srcAddr=10.1.0.1 dstAddr=10.1.0.2", text, StringComparison.Ordinal);
        var blocks = message.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("ddos raised: default/ddos-monitor", blocks[0].GetProperty("text").GetProperty("text").GetString());
        var fields = blocks[1].GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("text").GetString()).ToList();
        Assert.Equal(
            ["*Monitor*\ndefault/ddos-monitor", "*Threshold*\nddos (flow tcp)", "*Value*\n250 &gt; limit 100 frames", "*Window*\n10s",
             "*Agent*\n192.0.2.1 interface veth1 (ifIndex 7)", "*Raised*\n2025-11-24T16:00:00.000Z"],
            fields);
        var sections = blocks.Skip(2).Where(b => b.GetProperty("type").GetString() == "section").Select(b => b.GetProperty("text").GetProperty("text").GetString()).ToList();
        Assert.Equal(["*Flow key*\n`srcAddr=10.1.0.1 dstAddr=10.1.0.2`", "*Top talkers*\n1. `srcAddr=10.1.0.1 dstAddr=10.1.0.2`: 250\n2. `srcAddr=10.1.0.9 dstAddr=10.1.0.2`: 120"], sections);
        Assert.Equal(DeliveryState.Delivered, Assert.Single(sink.Reports).Delivery.State);
    }

    [Fact]
    public async Task Deliver_Cleared_SaysClearedWithBothTimes()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var cleared = TestMonitors.Cleared(Raised(), 40);

        await Create(NoSecrets()).DeliverAsync(cleared, [Slack("ops", receiver.Url()), Webhook("hook", receiver.Url("/hook"))], new RecordingSink(), default);

        var slack = JsonDocument.Parse(receiver.Requests.Single(r => r.Path == "/events").Body).RootElement;
        var webhook = JsonDocument.Parse(receiver.Requests.Single(r => r.Path == "/hook").Body).RootElement;
        Assert.StartsWith(":white_check_mark: ddos cleared on default/ddos-monitor: 40 ≤ limit 100", slack.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("*Cleared*\n2025-11-24T16:00:40.000Z", slack.GetProperty("blocks")[1].GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("text").GetString()));
        Assert.Equal(("ThresholdCleared", "2025-11-24T16:00:00.000Z", "2025-11-24T16:00:40.000Z"),
            (webhook.GetProperty("kind").GetString(), webhook.GetProperty("raisedAt").GetString(), webhook.GetProperty("clearedAt").GetString()));
    }

    [Fact]
    public async Task Deliver_ServerErrorTwice_RetriesThenDelivers_ReportingEveryAttempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = n => n <= 2 ? new WebhookReceiver.Response(500, Body: "database down") : new WebhookReceiver.Response(200);
        var sink = new RecordingSink();
        var registry = Metrics.NewCustomRegistry();

        await Create(NoSecrets(), registry).DeliverAsync(Raised(), [Webhook("hook", receiver.Url())], sink, default);

        Assert.Equal(3, receiver.Requests.Count);
        Assert.True(receiver.Requests.Select(r => Encoding.UTF8.GetString(r.Body)).Distinct().Count() == 1, "every attempt sends the same body");
        Assert.Equal(
            [(DeliveryState.Pending, 1, "HTTP 500 Internal Server Error: database down"), (DeliveryState.Pending, 2, "HTTP 500 Internal Server Error: database down"), (DeliveryState.Delivered, 3, null)],
            sink.Of("hook").Select(d => (d.State, d.Attempts, d.LastError)));
        var metrics = await ScrapeAsync(registry);
        Assert.Contains("netm_notification_delivery_attempts_total{type=\"webhook\",result=\"http_5xx\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("netm_notification_delivery_attempts_total{type=\"webhook\",result=\"success\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("netm_notification_deliveries_total{type=\"webhook\",outcome=\"delivered\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("netm_notification_delivery_duration_seconds_count{type=\"webhook\",outcome=\"delivered\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_TooManyRequestsWithRetryAfter_WaitsThatLong()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = n => n == 1 ? new WebhookReceiver.Response(429, RetryAfter: "1") : new WebhookReceiver.Response(200);
        var sink = new RecordingSink();

        await Create(NoSecrets()).DeliverAsync(Raised(), [Slack("ops", receiver.Url())], sink, default);

        var requests = receiver.Requests;
        Assert.Equal(2, requests.Count);
        // The policy's own backoff is 20 ms; only the header explains a second's wait.
        Assert.InRange(Stopwatch.GetElapsedTime(requests[0].ArrivedAt, requests[1].ArrivedAt), TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(10));
        Assert.Equal([(DeliveryState.Pending, "HTTP 429 Too Many Requests"), (DeliveryState.Delivered, null)], sink.Of("ops").Select(d => (d.State, d.LastError)));
    }

    [Fact]
    public async Task Deliver_BadRequest_IsNotRetried_AndFailsWithTheReceiversAnswer()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = _ => new WebhookReceiver.Response(400, Body: "invalid_payload");
        var sink = new RecordingSink();

        await Create(NoSecrets()).DeliverAsync(Raised(), [Slack("ops", receiver.Url())], sink, default);

        Assert.Single(receiver.Requests);
        var report = Assert.Single(sink.Of("ops"));
        Assert.Equal((DeliveryState.Failed, 1, "HTTP 400 Bad Request: invalid_payload; not retried"), (report.State, report.Attempts, report.LastError));
        Assert.Null(report.DeliveredAt);
    }

    [Fact]
    public async Task Deliver_ReceiverDown_ExhaustsTheAttempts_AndTheFinalStatusSaysSo()
    {
        // Bound but not listening: every connect is refused, and no other process can take the port meanwhile.
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var url = $"http://127.0.0.1:{((IPEndPoint)closed.LocalEndPoint!).Port}/events";
        var sink = new RecordingSink();
        var registry = Metrics.NewCustomRegistry();

        await Create(NoSecrets(), registry).DeliverAsync(Raised(), [Webhook("hook", url)], sink, default);

        var reports = sink.Of("hook");
        Assert.Equal([DeliveryState.Pending, DeliveryState.Pending, DeliveryState.Pending, DeliveryState.Failed], reports.Select(d => d.State));
        Assert.Equal([1, 2, 3, 4], reports.Select(d => d.Attempts));
        Assert.Contains("connection failed: Connection refused", reports[^1].LastError, StringComparison.Ordinal);
        Assert.EndsWith("; gave up after 4 attempts", reports[^1].LastError, StringComparison.Ordinal);
        var metrics = await ScrapeAsync(registry);
        Assert.Contains("netm_notification_delivery_attempts_total{type=\"webhook\",result=\"connection\"} 4", metrics, StringComparison.Ordinal);
        Assert.Contains("netm_notification_deliveries_total{type=\"webhook\",outcome=\"failed\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_NoAnswerWithinTheTimeout_IsRetried()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = n => new WebhookReceiver.Response(200, Delay: n == 1 ? TimeSpan.FromSeconds(10) : TimeSpan.Zero);
        var sink = new RecordingSink();

        await Create(NoSecrets(), policy: FastPolicy with { AttemptTimeout = TimeSpan.FromSeconds(1) }).DeliverAsync(Raised(), [Webhook("hook", receiver.Url())], sink, default);

        Assert.Equal([(DeliveryState.Pending, "no response within 1s"), (DeliveryState.Delivered, null)], sink.Of("hook").Select(d => (d.State, d.LastError)));
    }

    [Fact]
    public async Task Deliver_ManyToOneUrl_KeepsToTheRateLimit()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var delivery = Create(NoSecrets(), rateLimit: new() { PerSecond = 5, Burst = 2 });
        var channels = Enumerable.Range(1, 7).Select(i => Webhook($"hook-{i}", receiver.Url())).ToList();
        var other = Webhook("other", receiver.Url("/other"));
        var sink = new RecordingSink();
        var started = Stopwatch.GetTimestamp();

        await delivery.DeliverAsync(Raised(), [.. channels, other], sink, default);

        var arrivals = receiver.Requests.Where(r => r.Path == "/events").Select(r => r.ArrivedAt).Order().ToList();
        Assert.Equal(7, arrivals.Count);
        // A burst of 2, then 5 more at 5/s: the last cannot leave before 1 s has passed.
        Assert.InRange(Stopwatch.GetElapsedTime(started, arrivals[^1]), TimeSpan.FromMilliseconds(990), TimeSpan.FromSeconds(10));
        // Another URL has a bucket of its own: in the shared one it would have been eighth, after 1.2 s.
        var otherArrived = receiver.Requests.Single(r => r.Path == "/other").ArrivedAt;
        Assert.True(Stopwatch.GetElapsedTime(started, otherArrived) < TimeSpan.FromMilliseconds(900));
        Assert.All(sink.Reports, r => Assert.Equal(DeliveryState.Delivered, r.Delivery.State));
    }

    [Fact]
    public async Task Deliver_MissingSecret_FailsThatChannelWithoutARequest_AndDeliversTheOthers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var sink = new RecordingSink();
        var missing = new NotificationChannel { Name = "ops", Slack = new SlackChannel { WebhookSecretRef = new SecretKeyReference { Name = "slack", Key = "url" } } };

        await Create(NoSecrets()).DeliverAsync(Raised(), [missing, Webhook("hook", receiver.Url())], sink, default);

        Assert.Single(receiver.Requests);
        var failed = Assert.Single(sink.Of("ops"));
        Assert.Equal((DeliveryState.Failed, 1), (failed.State, failed.Attempts));
        Assert.StartsWith("no secret slack/url is configured", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Delivered, Assert.Single(sink.Of("hook")).State);
        Assert.All(sink.Reports, r => Assert.Equal(["ops", "hook"], r.Channels));
    }

    [Fact]
    public async Task Deliver_UrlFromASecretThatIsNoUrl_FailsWithoutShowingIt()
    {
        var sink = new RecordingSink();
        var channel = new NotificationChannel { Name = "hook", Webhook = new WebhookChannel { UrlSecretRef = new SecretKeyReference { Name = "hook", Key = "url" } } };

        await Create(new StaticSecretResolver([new("hook/url", "hooks.example.com/T0/secret-token\n")])).DeliverAsync(Raised(), [channel], sink, default);

        var report = Assert.Single(sink.Reports).Delivery;
        Assert.Equal(DeliveryState.Failed, report.State);
        Assert.Contains("is not an absolute http or https URL", report.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", report.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_SinkThrows_DeliveryGoesOnAndCountsIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = n => new WebhookReceiver.Response(n == 1 ? 503 : 200);
        var registry = Metrics.NewCustomRegistry();

        await Create(NoSecrets(), registry).DeliverAsync(Raised(), [Webhook("hook", receiver.Url())], new ThrowingSink(), default);

        Assert.Equal(2, receiver.Requests.Count);
        Assert.Contains("netm_notification_status_report_errors_total 2", await ScrapeAsync(registry), StringComparison.Ordinal);
    }

    private sealed class ThrowingSink : Alerting.Delivery.IDeliveryStatusSink
    {
        public Task ReportAsync(Contracts.NetworkEvent networkEvent, IReadOnlyCollection<string> channels, ChannelDelivery delivery, CancellationToken cancellationToken) =>
            throw new HttpRequestException("apiserver away");
    }
}
