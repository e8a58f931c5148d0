using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Tests.Engine;

public sealed class WindowTests
{
    [Fact]
    public void Sliding_RaisesAtTheFirstBucketEnd_AndClearsWhenTheBurstLeavesTheWindow()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.FlowMonitor(level: 100, window: "10s"));

        fixture.Observe(EngineFixture.Flow(), 2000);
        var raised = Assert.Single(fixture.After(1));

        Assert.Equal(NetworkEvent.Types.Kind.ThresholdRaised, raised.Kind);
        Assert.Equal(200, raised.Value, 6);
        Assert.Equal(EngineFixture.Nanoseconds(EngineFixture.Start.AddSeconds(1)), raised.RaisedAtNs);
        Assert.Empty(fixture.After(9));
        var cleared = Assert.Single(fixture.After(1));
        Assert.Equal(NetworkEvent.Types.Kind.ThresholdCleared, cleared.Kind);
        Assert.Equal(raised.EventId, cleared.EventId);
        Assert.Equal(EngineFixture.Nanoseconds(EngineFixture.Start.AddSeconds(11)), cleared.ClearedAtNs);
    }

    [Fact]
    public void Sliding_AveragesOverTheWholeWindow_NotTheBucket()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.FlowMonitor(level: 100, window: "10s"));

        // 500 frames a second for two seconds is 100/s over the window: at the level, not over it.
        fixture.Observe(EngineFixture.Flow(), 500);
        Assert.Empty(fixture.After(1));
        fixture.Observe(EngineFixture.Flow(), 500);
        Assert.Empty(fixture.After(1));
        fixture.Observe(EngineFixture.Flow(), 1);
        Assert.Equal(100.1, Assert.Single(fixture.After(1)).Value, 6);
    }

    [Fact]
    public void Tumbling_ChecksOnlyAtTheWindowEnd_AndStartsEachWindowEmpty()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.FlowMonitor(level: 100, window: "10s", windowType: WindowType.Tumbling));

        fixture.Observe(EngineFixture.Flow(), 2000);
        Assert.Empty(fixture.After(5));
        var raised = Assert.Single(fixture.After(5));
        Assert.Equal(NetworkEvent.Types.Kind.ThresholdRaised, raised.Kind);
        Assert.Equal(200, raised.Value, 6);
        Assert.Equal(10_000_000_000UL, raised.Threshold.WindowNs);

        fixture.Observe(EngineFixture.Flow(), 999);
        Assert.Empty(fixture.After(9));
        var cleared = Assert.Single(fixture.After(1));
        Assert.Equal(NetworkEvent.Types.Kind.ThresholdCleared, cleared.Kind);
        Assert.Equal(99.9, cleared.Value, 6);
    }

    [Theory]
    [InlineData(FlowValue.Bytes, 2000 * 1500 * 64 / 10.0)]
    [InlineData(FlowValue.Packets, 2000 * 64 / 10.0)]
    [InlineData(FlowValue.Frames, 2000 / 10.0)]
    public void FlowValue_BytesAndPacketsAreScaledBySampling_FramesAreNot(string value, double expected)
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.FlowMonitor(level: 1, value: value));

        fixture.Observe(EngineFixture.Flow(bytes: 1500, rate: 64), 2000);

        Assert.Equal(expected, Assert.Single(fixture.After(1)).Value, 6);
    }

    [Fact]
    public void Advance_AfterALongGap_ChecksEachWindowStateOnce_AndClears()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.FlowMonitor(level: 100));
        fixture.Observe(EngineFixture.Flow(), 2000);
        Assert.Single(fixture.After(1));

        var events = fixture.After(3600);

        Assert.Equal(NetworkEvent.Types.Kind.ThresholdCleared, Assert.Single(events).Kind);
    }
}
