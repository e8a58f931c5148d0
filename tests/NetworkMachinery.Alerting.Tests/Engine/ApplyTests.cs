using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Tests.Engine;

public sealed class ApplyTests
{
    [Fact]
    public void Apply_UnchangedRule_KeepsItsWindowAndRaisedCondition()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.FlowMonitor(level: 100, hold: "0"));
        fixture.Observe(EngineFixture.Flow(), 2000);
        Assert.Single(fixture.After(1));

        // The same monitor again, plus another: no new raise for the kept rule, and its window still holds the burst.
        Assert.Empty(fixture.Apply(EngineFixture.FlowMonitor(level: 100, hold: "0"), EngineFixture.FlowMonitor(level: 100, name: "other")));
        Assert.Empty(fixture.After(8));
        var cleared = Assert.Single(fixture.After(2));
        Assert.Equal(NetworkEvent.Types.Kind.ThresholdCleared, cleared.Kind);
        Assert.Equal("m", cleared.Monitor.Name);
    }

    [Fact]
    public void Apply_ChangedOrRemovedRule_ClearsItsRaisedConditions_AndStartsAfresh()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.FlowMonitor(level: 100, byFlow: true));
        fixture.Observe(EngineFixture.Flow(), 2000);
        var raised = Assert.Single(fixture.After(1));

        fixture.Apply(EngineFixture.FlowMonitor(level: 300, byFlow: true));
        var cleared = Assert.Single(fixture.After(1));

        Assert.Equal(NetworkEvent.Types.Kind.ThresholdCleared, cleared.Kind);
        Assert.Equal(raised.EventId, cleared.EventId);
        fixture.Observe(EngineFixture.Flow(), 2000);
        Assert.Empty(fixture.After(1));
        Assert.Empty(fixture.Apply());
        Assert.Empty(fixture.After(1));
        Assert.Equal(0, fixture.Metric("netm_alerting_keys"));
    }

    [Fact]
    public void Apply_InvalidMonitor_IsReportedWithHowToFixIt_AndTheOthersRun()
    {
        var fixture = new EngineFixture();
        var bad = EngineFixture.FlowMonitor(filter: "proto == tpc", name: "bad");
        var unknownMetric = EngineFixture.MetricMonitor("ifInBananas", 1);

        var problems = fixture.Apply(bad, unknownMetric, EngineFixture.FlowMonitor(level: 100, name: "good"));

        Assert.Equal(2, problems.Count);
        Assert.Equal("bad", problems[0].Name);
        Assert.Contains(problems[0].Errors, e => e.Path == "spec.flows[0].filter" && e.Message.Contains("tcp, udp", StringComparison.Ordinal));
        Assert.Contains(problems[1].Errors, e => e.Path == "spec.thresholds[0].metric" && e.Message.Contains("ifInErrors", StringComparison.Ordinal));
        fixture.Observe(EngineFixture.Flow(), 2000);
        Assert.Equal("good", Assert.Single(fixture.After(1)).Monitor.Name);
        Assert.Equal(1, fixture.Metric("netm_alerting_rules"));
    }

    [Fact]
    public void Metrics_CountFlowsAndEventsByKind()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.FlowMonitor(level: 100, windowType: WindowType.Tumbling, window: "1s"));
        fixture.Observe(EngineFixture.Flow(), 200);
        fixture.After(1);
        fixture.After(1);

        Assert.Equal(200, fixture.Metric("netm_alerting_flows_evaluated_total"));
        Assert.Equal(1, fixture.Metric("netm_alerting_events_total", "kind=\"threshold_raised\""));
        Assert.Equal(1, fixture.Metric("netm_alerting_events_total", "kind=\"threshold_cleared\""));
    }

    [Fact]
    public void Metrics_EvaluationLag_IsTheClockMinusTheNewestRecordsReceiveTime()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.FlowMonitor(level: 100));
        var flow = EngineFixture.Flow();
        flow.TimeReceivedNs = EngineFixture.Nanoseconds(EngineFixture.Start.AddMilliseconds(700));
        fixture.Engine.Observe(flow);

        fixture.After(1);
        fixture.After(1);

        // One observation (the second Advance saw no new record), of 0.3 s.
        Assert.Equal(1, fixture.Metric("netm_alerting_evaluation_lag_seconds_count"));
        Assert.Equal(0.3, fixture.Metric("netm_alerting_evaluation_lag_seconds_sum"), 6);
    }
}
