using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Tests.Engine;

public sealed class ProbeTests
{
    private static ProbeResult Result(ProbeResult.Types.Verdict verdict, double loss = 0, ulong rttNs = 2_000_000, string ns = "default") => new()
    {
        Test = new ProbeResult.Types.TestRef { Namespace = ns, Name = "web" },
        Source = new ProbeResult.Types.Source { PodNamespace = ns, PodName = "shell" },
        Destination = new ProbeResult.Types.Destination { Address = "10.1.0.9", Port = 80 },
        Verdict = verdict,
        Sent = 3,
        Received = verdict == ProbeResult.Types.Verdict.Reachable ? 3U : 0U,
        LossPercent = loss,
        RttAvgNs = rttNs,
    };

    [Fact]
    public void Failures_RaiseProbeFailed_WithTheResult_AndRecover()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.MetricMonitor(MonitorMetric.ProbeFailures, level: 0.5, window: "5s"));

        fixture.Engine.Observe(Result(ProbeResult.Types.Verdict.Timeout, loss: 100));
        var failed = Assert.Single(fixture.After(1));

        Assert.Equal(NetworkEvent.Types.Kind.ProbeFailed, failed.Kind);
        Assert.Equal(1, failed.Value);
        Assert.Equal(ProbeResult.Types.Verdict.Timeout, failed.ProbeResult.Verdict);
        Assert.Equal("default/web", failed.FlowKey["test"]);
        Assert.Equal("default/shell", failed.FlowKey["source"]);
        Assert.Equal("10.1.0.9:80", failed.FlowKey["destination"]);

        fixture.Engine.Observe(Result(ProbeResult.Types.Verdict.Reachable));
        Assert.Empty(fixture.After(4));
        var recovered = Assert.Single(fixture.After(1));
        Assert.Equal(NetworkEvent.Types.Kind.ProbeRecovered, recovered.Kind);
        Assert.Equal(failed.EventId, recovered.EventId);
        Assert.Equal(ProbeResult.Types.Verdict.Reachable, recovered.ProbeResult.Verdict);
    }

    [Fact]
    public void LossAndRtt_AreMeansOverTheWindow()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.Monitor(
            "m",
            [],
            [
                new MonitorThreshold { Name = "loss", Metric = MonitorMetric.ProbeLossPercent, Value = 20 },
                new MonitorThreshold { Name = "rtt", Metric = MonitorMetric.ProbeRttMs, Value = 5 },
            ]));

        fixture.Engine.Observe(Result(ProbeResult.Types.Verdict.Reachable, loss: 10, rttNs: 4_000_000));
        fixture.Engine.Observe(Result(ProbeResult.Types.Verdict.Reachable, loss: 40, rttNs: 8_000_000));
        var events = fixture.After(1).ToDictionary(e => e.Threshold.Name);

        Assert.Equal(25, events["loss"].Value, 6);
        Assert.Equal(6, events["rtt"].Value, 6);
    }

    [Fact]
    public void ResultsOfAnotherNamespace_AreNotTheMonitors()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.MetricMonitor(MonitorMetric.ProbeFailures, level: 0.5));

        fixture.Engine.Observe(Result(ProbeResult.Types.Verdict.Refused, ns: "other"));

        Assert.Empty(fixture.After(1));
    }
}
