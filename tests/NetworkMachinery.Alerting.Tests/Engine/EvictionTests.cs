using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Tests.Engine;

public sealed class EvictionTests
{
    [Fact]
    public void MaxKeys_EvictsTheLeastRecentlySeen_CountsIt_AndKeepsTheTotal()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.Monitor(
            "m",
            [new MonitorFlow { Name = "f", Keys = [FlowKey.SrcAddr], Value = FlowValue.Frames }],
            [new MonitorThreshold { Name = "each", Flow = "f", Value = 50, ByFlow = true }, new MonitorThreshold { Name = "total", Flow = "f", Value = 50 }],
            maxKeys: 4));

        // Two rules on the flow share the budget of 4: two keys each. Each rule evicts its key seen longest ago.
        fixture.Observe(EngineFixture.Flow(src: "10.0.0.1"), 100);
        Assert.Empty(fixture.After(1));
        fixture.Observe(EngineFixture.Flow(src: "10.0.0.2"), 100);
        Assert.Empty(fixture.After(1));
        fixture.Observe(EngineFixture.Flow(src: "10.0.0.3"), 800);
        var events = fixture.After(1);

        Assert.Equal(2, fixture.Metric("netm_alerting_keys_evicted_total", "monitor=\"default/m\""));
        Assert.Equal(4, fixture.Metric("netm_alerting_keys"));
        var raised = events.Where(e => e.Threshold.Name == "each").Select(e => e.FlowKey["srcAddr"]).Order().ToArray();
        Assert.Equal(["10.0.0.3"], raised);
        Assert.Equal(100, events.Single(e => e.Threshold.Name == "total").Value, 6);
    }

    [Fact]
    public void MaxKeys_NeverEvictsARaisedKey_ANewKeyIsDroppedInstead()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.FlowMonitor(level: 10, byFlow: true, maxKeys: 1, hold: "1m"));
        fixture.Observe(EngineFixture.Flow(src: "10.0.0.1"), 1000);
        Assert.Single(fixture.After(1));

        fixture.Observe(EngineFixture.Flow(src: "10.0.0.2"), 1000);
        Assert.Empty(fixture.After(1));

        Assert.Equal(1000, fixture.Metric("netm_alerting_keys_dropped_total", "monitor=\"default/m\""));
        Assert.Equal(0, fixture.Metric("netm_alerting_keys_evicted_total", "monitor=\"default/m\""));
    }

    [Fact]
    public void IdleKeys_LeaveTheTableWhenTheirWindowIsEmpty()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.FlowMonitor(level: 1000));
        for (var i = 0; i < 100; i++)
        {
            fixture.Engine.Observe(EngineFixture.Flow(src: $"10.0.1.{i}"));
        }

        fixture.After(1);
        Assert.Equal(100, fixture.Metric("netm_alerting_keys"));
        fixture.After(10);
        Assert.Equal(0, fixture.Metric("netm_alerting_keys"));
        Assert.Equal(100, fixture.Metric("netm_alerting_flows_evaluated_total"));
    }
}
