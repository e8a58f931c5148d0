using System.Net;
using Google.Protobuf;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Tests.Engine;

public sealed class CounterTests
{
    private static CounterMessage Sample(ulong inOctets, uint inErrors, uint uptimeMs, uint ifIndex = 7) => new()
    {
        SamplerAddress = ByteString.CopyFrom(IPAddress.Parse("192.0.2.9").GetAddressBytes()),
        SubAgentId = 2,
        AgentUptimeMs = uptimeMs,
        PortName = "eth7",
        GenericInterface = new CounterMessage.Types.GenericInterface { IfIndex = ifIndex, IfSpeed = 1_000_000_000, InOctets = inOctets, InErrors = inErrors },
    };

    [Fact]
    public void Errors_RateOverTheWindow_RaisesWithTheInterface_AndClears()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.MetricMonitor(MonitorMetric.IfInErrors, level: 5));

        fixture.Engine.Observe(Sample(0, 100, 1000));
        fixture.Engine.Observe(Sample(0, 200, 2000));
        var raised = Assert.Single(fixture.After(1));

        Assert.Equal(NetworkEvent.Types.Kind.ThresholdRaised, raised.Kind);
        Assert.Equal(10, raised.Value, 6);
        Assert.Equal("192.0.2.9", raised.AgentAddress);
        Assert.Equal(2U, raised.SubAgentId);
        Assert.Equal(7U, raised.IfIndex);
        Assert.Equal("eth7", raised.InterfaceName);
        Assert.Equal("ifInErrors", raised.Threshold.Metric);
        Assert.Equal(NetworkEvent.Types.Kind.ThresholdCleared, Assert.Single(fixture.After(10)).Kind);
    }

    [Fact]
    public void Errors_A32BitCounterThatWraps_CountsTheGrowth()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.MetricMonitor(MonitorMetric.IfInErrors, level: 5));

        fixture.Engine.Observe(Sample(0, uint.MaxValue - 9, 1000));
        fixture.Engine.Observe(Sample(0, 90, 2000));

        Assert.Equal(10, Assert.Single(fixture.After(1)).Value, 6);
    }

    [Fact]
    public void AgentRestart_IsABaseline_NotGrowth()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.MetricMonitor(MonitorMetric.IfInErrors, level: 5));

        fixture.Engine.Observe(Sample(0, 100_000, 50_000));
        fixture.Engine.Observe(Sample(0, 10, 1000));

        Assert.Empty(fixture.After(1));
    }

    [Fact]
    public void Utilization_IsBitsAsAPercentOfTheSpeed()
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.MetricMonitor(MonitorMetric.IfInUtilization, level: 50));

        // 10 s worth of 800 Mbit/s on a 1 Gbit/s interface: 80 %.
        fixture.Engine.Observe(Sample(0, 0, 1000));
        fixture.Engine.Observe(Sample(1_000_000_000, 0, 11_000));

        Assert.Equal(80, Assert.Single(fixture.After(1)).Value, 6);
    }
}
