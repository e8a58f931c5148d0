using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Tests.Engine;

public sealed class ByFlowTests
{
    [Fact]
    public void ByFlow_RaisesOnePerKeyOverTheLevel_WithTheKeyAgentAndInterface()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.FlowMonitor(level: 100, byFlow: true, keys: [FlowKey.Agent, FlowKey.InIf, FlowKey.SrcAddr, FlowKey.DstPort]));

        fixture.Observe(EngineFixture.Flow(src: "10.0.0.1"), 2000);
        fixture.Observe(EngineFixture.Flow(src: "fd00::2"), 1500);
        fixture.Observe(EngineFixture.Flow(src: "10.0.0.3"), 500);
        var events = fixture.After(1);

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(NetworkEvent.Types.Kind.ThresholdRaised, e.Kind));
        var first = events.Single(e => e.FlowKey["srcAddr"] == "10.0.0.1");
        Assert.Equal(200, first.Value, 6);
        Assert.Equal("192.0.2.1", first.FlowKey["agent"]);
        Assert.Equal("443", first.FlowKey["dstPort"]);
        Assert.Equal("3", first.FlowKey["inIf"]);
        Assert.Equal("192.0.2.1", first.AgentAddress);
        Assert.Equal(3U, first.IfIndex);
        Assert.Empty(first.TopTalkers);
        Assert.Equal(150, events.Single(e => e.FlowKey["srcAddr"] == "fd00::2").Value, 6);
        Assert.NotEqual(events[0].EventId, events[1].EventId);
    }

    [Fact]
    public void Total_RaisesOnce_WithTheTopTalkersLargestFirst()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.FlowMonitor(level: 100));

        for (var i = 1; i <= 8; i++)
        {
            fixture.Observe(EngineFixture.Flow(src: $"10.0.0.{i}"), i * 50);
        }

        var raised = Assert.Single(fixture.After(1));

        Assert.Equal(180, raised.Value, 6);
        Assert.Empty(raised.FlowKey);
        Assert.Equal(["10.0.0.8", "10.0.0.7", "10.0.0.6", "10.0.0.5", "10.0.0.4"], raised.TopTalkers.Select(t => t.Key["srcAddr"]));
        Assert.Equal(40, raised.TopTalkers[0].Value, 6);
        Assert.False(raised.Threshold.ByFlow);
    }

    [Fact]
    public void Total_CountsEveryKey_EvenWhenNoKeyIsOverOnItsOwn()
    {
        var fixture = new EngineFixture();
        fixture.Apply(
            EngineFixture.Monitor(
                "m",
                [new MonitorFlow { Name = "f", Keys = [FlowKey.SrcAddr], Value = FlowValue.Frames }],
                [
                    new MonitorThreshold { Name = "total", Flow = "f", Value = 100 },
                    new MonitorThreshold { Name = "each", Flow = "f", Value = 100, ByFlow = true },
                ]));

        for (var i = 1; i <= 10; i++)
        {
            fixture.Observe(EngineFixture.Flow(src: $"10.0.0.{i}"), 200);
        }

        var raised = Assert.Single(fixture.After(1));
        Assert.Equal("total", raised.Threshold.Name);
        Assert.Equal(200, raised.Value, 6);
    }
}
