using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Tests.Engine;

/// <summary>Filters as the engine applies them, through its index (guards on protocol, ports, prefixes) and without one.</summary>
public sealed class FilterTests
{
    [Theory]
    [InlineData("proto == tcp", 2000)]
    [InlineData("proto=6", 2000)]
    [InlineData("proto == udp", 1000)]
    [InlineData("dstPort == 443", 2000)]
    [InlineData("dstPort in (53, 443)", 3000)]
    [InlineData("srcAddr in 10.0.0.0/8", 2000)]
    [InlineData("srcAddr in (10.0.0.0/8, 10.1.0.0/16, 192.168.0.0/16)", 3000)]
    [InlineData("dstAddr == 10.1.0.1", 2000)]
    [InlineData("proto == tcp and srcAddr in 10.0.0.0/24", 2000)]
    [InlineData("proto == udp or dstPort == 443", 3000)]
    [InlineData("not proto == udp", 2000)]
    [InlineData("srcPort > 1024 and srcPort <= 40000", 2000)]
    [InlineData("srcAddr not in 10.0.0.0/8", 1000)]
    [InlineData("dstPort == 80", 0)]
    public void Filter_CountsOnlyMatchingRecords(string filter, int frames)
    {
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.FlowMonitor(filter: filter, level: 0.001));

        fixture.Observe(EngineFixture.Flow(src: "10.0.0.1", dst: "10.1.0.1", proto: 6, dstPort: 443), 2000);
        fixture.Observe(EngineFixture.Flow(src: "192.168.1.1", dst: "10.2.0.1", proto: 17, srcPort: 53000, dstPort: 53), 1000);
        var events = fixture.After(1);

        if (frames == 0)
        {
            Assert.Empty(events);
        }
        else
        {
            Assert.Equal(frames / 10.0, Assert.Single(events).Value, 6);
        }
    }

    [Fact]
    public void RulesSharingAFilterOrKeys_EachCountTheRecordOnce()
    {
        var fixture = new EngineFixture();
        var flows = new[]
        {
            new MonitorFlow { Name = "a", Keys = [FlowKey.SrcAddr], Value = FlowValue.Frames, Filter = "proto == tcp" },
            new MonitorFlow { Name = "b", Keys = [FlowKey.SrcAddr], Value = FlowValue.Frames, Filter = "proto  ==  tcp" },
            new MonitorFlow { Name = "c", Keys = [FlowKey.SrcAddr, FlowKey.DstAddr], Value = FlowValue.Frames, Filter = "srcAddr in (10.0.0.0/8, 10.0.0.0/24)" },
        };
        fixture.Apply(
            EngineFixture.Monitor("m1", flows, [new MonitorThreshold { Name = "a", Flow = "a", Value = 1 }, new MonitorThreshold { Name = "b", Flow = "b", Value = 1 }, new MonitorThreshold { Name = "c", Flow = "c", Value = 1 }]),
            EngineFixture.Monitor("m2", flows, [new MonitorThreshold { Name = "a", Flow = "a", Value = 1, ByFlow = true }], uid: "uid-2"));

        fixture.Observe(EngineFixture.Flow(), 100);
        var events = fixture.After(1);

        Assert.Equal(4, events.Count);
        Assert.All(events, e => Assert.Equal(10, e.Value, 6));
    }

    [Fact]
    public void ManyRules_TheIndexCountsWhatEvaluatingEveryFilterCounts()
    {
        var filters = new[]
        {
            "dstPort == 443", "dstPort in (80, 443)", "srcPort == 53", "proto == udp", "proto == tcp and dstPort != 443",
            "srcAddr in 10.0.0.0/8", "dstAddr in 10.1.0.0/16", "srcAddr in fd00::/8", "dstAddr == 10.1.0.7",
            "srcAddr in 10.0.0.0/24 or srcAddr in 10.0.1.0/24", "tos > 0", "not dstPort in (22, 443)", "vlan == 0 and proto == 6",
        };
        var fixture = new EngineFixture();
        fixture.Apply(EngineFixture.Monitor(
            "m",
            [.. filters.Select((f, i) => new MonitorFlow { Name = $"f{i}", Keys = [FlowKey.SrcAddr, FlowKey.DstPort], Value = FlowValue.Frames, Filter = f })],
            [.. filters.Select((_, i) => new MonitorThreshold { Name = $"t{i}", Flow = $"f{i}", Value = 0.001 })]));
        var random = new Random(7);
        var records = Enumerable.Range(0, 2000).Select(_ => EngineFixture.Flow(
            src: random.Next(4) == 0 ? $"fd00::{random.Next(1, 100):x}" : $"10.0.{random.Next(3)}.{random.Next(1, 250)}",
            dst: $"10.{random.Next(1, 3)}.0.{random.Next(1, 10)}",
            proto: random.Next(2) == 0 ? 6U : 17U,
            srcPort: random.Next(3) == 0 ? 53U : 40000U,
            dstPort: (uint)new[] { 22, 53, 80, 443 }[random.Next(4)])).ToArray();
        var expected = filters.Select(f =>
        {
            Assert.True(NetworkMachinery.Operator.Filters.FlowFilter.TryParse(f, out var filter, out _));
            var fields = default(NetworkMachinery.Operator.Filters.FlowFields);
            return records.Count(r => { fields.Load(r); return filter.Matches(fields); }) / 10.0;
        }).ToArray();

        foreach (var record in records)
        {
            fixture.Engine.Observe(record);
        }

        var values = fixture.After(1).ToDictionary(e => e.Threshold.Name, e => e.Value);
        for (var i = 0; i < filters.Length; i++)
        {
            Assert.Equal(expected[i], values.GetValueOrDefault($"t{i}"), 6);
        }
    }
}
