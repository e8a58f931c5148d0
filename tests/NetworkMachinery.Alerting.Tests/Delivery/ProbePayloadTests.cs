using System.Text;
using System.Text.Json;
using NetworkMachinery.Alerting.Delivery.Payloads;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Alerting.Tests.Delivery;

/// <summary>A failed connectivity probe's event: both payloads carry the probe's test, verdict and error.</summary>
public sealed class ProbePayloadTests
{
    private static readonly NetworkEvent Failed = new()
    {
        EventId = "probe/shell-to-web",
        Kind = NetworkEvent.Types.Kind.ProbeFailed,
        Monitor = new NetworkEvent.Types.MonitorRef { Namespace = "default", Name = "web-reachable", Uid = "u" },
        Threshold = new NetworkEvent.Types.Threshold { Name = "loss", Metric = "probeLossPercent", Value = 50 },
        Value = 100,
        RaisedAtNs = 1_764_000_000_000_000_000,
        ProbeResult = new ProbeResult
        {
            Test = new ProbeResult.Types.TestRef { Namespace = "default", Name = "shell-to-web" },
            ProbeType = ProbeResult.Types.ProbeType.Tcp,
            Verdict = ProbeResult.Types.Verdict.Timeout,
            ErrorReason = "no reply within 1s",
            LossPercent = 100,
            RttAvgNs = 1_500_000,
        },
    };

    [Fact]
    public void Webhook_ProbeFailed_HasTheProbeAndNoAgentOrFlow()
    {
        var body = JsonDocument.Parse(WebhookPayload.Create(Failed)).RootElement;

        Assert.Equal("ProbeFailed", body.GetProperty("kind").GetString());
        var probe = body.GetProperty("probe");
        Assert.Equal(("default/shell-to-web", "tcp", "timeout", "no reply within 1s", 100.0, 1.5),
            (probe.GetProperty("test").GetString(), probe.GetProperty("type").GetString(), probe.GetProperty("verdict").GetString(),
             probe.GetProperty("error").GetString(), probe.GetProperty("lossPercent").GetDouble(), probe.GetProperty("rttAvgMs").GetDouble()));
        Assert.False(body.TryGetProperty("agent", out _));
        Assert.False(body.GetProperty("threshold").TryGetProperty("flow", out _));
        Assert.Empty(body.GetProperty("flowKey").EnumerateObject());
    }

    [Fact]
    public void Slack_ProbeFailed_SaysWhichTestAndWhy()
    {
        var message = Encoding.UTF8.GetString(SlackMessage.Create(Failed));

        var blocks = JsonDocument.Parse(message).RootElement.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Contains(blocks, b => b.GetProperty("type").GetString() == "section" && b.TryGetProperty("text", out var text)
            && text.GetProperty("text").GetString() == "*Probe* default/shell-to-web: timeout (no reply within 1s), loss 100%");
        Assert.StartsWith(":rotating_light: loss probe failed on default/web-reachable: 100 &gt; limit 50 probeLossPercent", JsonDocument.Parse(message).RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
