using k8s.Models;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Benchmarks.Alerting;

/// <summary>
/// The 100 rules of the rule-engine benchmark, as NetworkMonitors of 10 thresholds each.
/// <para>
/// Realistic: 40 per-source-subnet rules (<c>srcAddr in 10.0.N.0/24</c>, keyed by source and destination, byFlow),
/// 24 per-service rules (<c>proto == tcp and dstPort == P</c> or UDP, keyed by destination and port, totals with top
/// talkers), 20 per-destination-subnet rules (<c>dstAddr in 10.1.N.0/24</c>, keyed by destination), 8 protocol rules
/// (TCP SYNs, ICMP, UDP, DNS answers, large TOS) and 8 catch-alls without a filter (per agent and interface, per source,
/// per destination, the 5-tuple, by bytes, packets and frames).
/// </para>
/// <para>
/// All-match: 100 rules whose filters all pass every record (10 distinct filters such as <c>srcAddr in 10.0.0.0/8</c>
/// and <c>proto in (6, 17)</c>, 10 key sets), the worst case: every record updates 100 tables.
/// </para>
/// </summary>
internal static class RuleMix
{
    public const int Rules = 100;

    private static readonly int[] TcpPorts = [443, 80, 22, 8080, 3306, 5432, 6379, 9092, 2379, 6443, 8443, 25, 110, 143, 993, 5672, 27017, 9200, 11211, 1433];
    private static readonly int[] UdpPorts = [53, 123, 161, 514];

    private static readonly string[][] KeySets =
    [
        [FlowKey.SrcAddr], [FlowKey.DstAddr], [FlowKey.SrcAddr, FlowKey.DstAddr], [FlowKey.DstAddr, FlowKey.DstPort],
        [FlowKey.SrcAddr, FlowKey.DstAddr, FlowKey.SrcPort, FlowKey.DstPort, FlowKey.Proto], [FlowKey.Agent, FlowKey.InIf],
        [FlowKey.Proto, FlowKey.DstPort], [FlowKey.SrcAddr, FlowKey.Proto], [FlowKey.DstAddr, FlowKey.Proto, FlowKey.DstPort], [FlowKey.InIf, FlowKey.OutIf],
    ];

    private static readonly string[] MatchEverything =
    [
        "srcAddr in 10.0.0.0/8", "dstAddr in 10.0.0.0/8", "proto in (6, 17)", "dstPort < 65535", "etype == ipv4",
        "srcAddr in 10.0.0.0/8 and dstAddr in 10.0.0.0/8", "not proto == icmp", "vlan == 0", "inIf > 0", "tos < 255",
    ];

    public static IReadOnlyList<V1Alpha1NetworkMonitor> Realistic()
    {
        var rules = new List<(MonitorFlow Flow, bool ByFlow)>();
        for (var i = 0; i < 40; i++)
        {
            rules.Add((Flow($"subnet-{i}", $"srcAddr in 10.0.{i}.0/24", FlowValue.Bytes, FlowKey.SrcAddr, FlowKey.DstAddr), true));
        }

        foreach (var port in TcpPorts)
        {
            rules.Add((Flow($"tcp-{port}", $"proto == tcp and dstPort == {port}", FlowValue.Bytes, FlowKey.DstAddr, FlowKey.DstPort), false));
        }

        foreach (var port in UdpPorts)
        {
            rules.Add((Flow($"udp-{port}", $"proto == udp and dstPort == {port}", FlowValue.Packets, FlowKey.DstAddr, FlowKey.DstPort), false));
        }

        for (var i = 0; i < 20; i++)
        {
            rules.Add((Flow($"dst-{i}", $"dstAddr in 10.1.{i}.0/24", FlowValue.Bytes, FlowKey.DstAddr), false));
        }

        rules.Add((Flow("syn", "proto == tcp and tcpFlags == 2", FlowValue.Frames, FlowKey.DstAddr), true));
        rules.Add((Flow("icmp", "proto in (icmp, icmpv6)", FlowValue.Packets, FlowKey.SrcAddr), true));
        rules.Add((Flow("udp", "proto == udp", FlowValue.Bytes, FlowKey.SrcAddr, FlowKey.DstAddr), false));
        rules.Add((Flow("dns-answers", "proto == udp and srcPort == 53", FlowValue.Packets, FlowKey.DstAddr), true));
        rules.Add((Flow("dscp", "tos >= 32", FlowValue.Bytes, FlowKey.Tos), false));
        rules.Add((Flow("external", "not srcAddr in 10.0.0.0/8", FlowValue.Bytes, FlowKey.SrcAddr), true));
        rules.Add((Flow("ipv6", "etype == ipv6", FlowValue.Bytes, FlowKey.SrcAddr), false));
        rules.Add((Flow("high-ports", "dstPort > 49151 and proto == tcp", FlowValue.Frames, FlowKey.SrcAddr, FlowKey.DstAddr), true));
        rules.Add((Flow("interfaces", null, FlowValue.Bytes, FlowKey.Agent, FlowKey.InIf), true));
        rules.Add((Flow("sources", null, FlowValue.Bytes, FlowKey.SrcAddr), true));
        rules.Add((Flow("destinations", null, FlowValue.Bytes, FlowKey.DstAddr), false));
        rules.Add((Flow("five-tuple", null, FlowValue.Bytes, FlowKey.SrcAddr, FlowKey.DstAddr, FlowKey.SrcPort, FlowKey.DstPort, FlowKey.Proto), true));
        rules.Add((Flow("packets", null, FlowValue.Packets, FlowKey.SrcAddr, FlowKey.DstAddr), false));
        rules.Add((Flow("frames", null, FlowValue.Frames, FlowKey.Agent, FlowKey.InIf), false));
        rules.Add((Flow("out-interfaces", null, FlowValue.Bytes, FlowKey.OutIf), true));
        rules.Add((Flow("protocols", null, FlowValue.Bytes, FlowKey.Proto), false));
        return Monitors(rules);
    }

    public static IReadOnlyList<V1Alpha1NetworkMonitor> AllMatch() => Monitors(
        [.. Enumerable.Range(0, Rules).Select(i => (Flow($"all-{i}", MatchEverything[i % 10], FlowValue.Bytes, KeySets[i / 10]), i % 2 == 0))]);

    private static MonitorFlow Flow(string name, string? filter, string value, params string[] keys) =>
        new() { Name = name, Filter = filter, Value = value, Keys = keys };

    private static List<V1Alpha1NetworkMonitor> Monitors(List<(MonitorFlow Flow, bool ByFlow)> rules)
    {
        if (rules.Count != Rules)
        {
            throw new InvalidOperationException($"{rules.Count} rules, not {Rules}");
        }

        // Levels far above the traffic: the benchmark measures evaluation, not event building.
        return [.. rules.Chunk(10).Select((chunk, m) => new V1Alpha1NetworkMonitor
        {
            Metadata = new V1ObjectMeta { Name = $"bench-{m}", NamespaceProperty = "default", Uid = $"uid-{m}" },
            Spec = new NetworkMonitorSpec
            {
                Flows = [.. chunk.Select(rule => rule.Flow)],
                Thresholds = [.. chunk.Select(rule => new MonitorThreshold { Name = rule.Flow.Name, Flow = rule.Flow.Name, Value = 1e15, ByFlow = rule.ByFlow })],
                MaxKeys = 1_000_000,
            },
        })];
    }
}
