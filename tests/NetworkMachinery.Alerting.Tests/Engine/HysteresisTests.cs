using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Tests.Engine;

public sealed class HysteresisTests
{
    [Fact]
    public void Raised_IsReportedOnce_WhileTheValueStaysOver()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.FlowMonitor(level: 100, hold: "30s"));

        var events = new List<NetworkEvent>();
        for (var second = 0; second < 20; second++)
        {
            fixture.Observe(EngineFixture.Flow(), 2000);
            events.AddRange(fixture.After(1));
        }

        Assert.Equal(NetworkEvent.Types.Kind.ThresholdRaised, Assert.Single(events).Kind);
    }

    [Fact]
    public void Clear_WaitsForTheHold_AndABlipOverRestartsIt()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.FlowMonitor(level: 100, window: "1s", windowType: WindowType.Tumbling, hold: "5s"));
        fixture.Observe(EngineFixture.Flow(), 200);
        var raised = Assert.Single(fixture.After(1));

        // Under at 2s, 3s, 4s; over again at 5s; under from 6s on: the hold counts from 6s.
        Assert.Empty(fixture.After(3));
        fixture.Observe(EngineFixture.Flow(), 200);
        Assert.Empty(fixture.After(1));
        Assert.Empty(fixture.After(1));
        Assert.Empty(fixture.After(4));
        var cleared = Assert.Single(fixture.After(1));

        Assert.Equal(NetworkEvent.Types.Kind.ThresholdCleared, cleared.Kind);
        Assert.Equal(raised.EventId, cleared.EventId);
        Assert.Equal(EngineFixture.Nanoseconds(EngineFixture.Start.AddSeconds(11)), cleared.ClearedAtNs);
    }

    [Fact]
    public void RaisedAgainAfterClearing_IsANewCondition_WithANewId()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.FlowMonitor(level: 100, window: "1s", windowType: WindowType.Tumbling));
        fixture.Observe(EngineFixture.Flow(), 200);
        var first = Assert.Single(fixture.After(1));
        Assert.Equal(NetworkEvent.Types.Kind.ThresholdCleared, Assert.Single(fixture.After(1)).Kind);

        fixture.Observe(EngineFixture.Flow(), 200);
        var second = Assert.Single(fixture.After(1));

        Assert.Equal(NetworkEvent.Types.Kind.ThresholdRaised, second.Kind);
        Assert.NotEqual(first.EventId, second.EventId);
    }
}
