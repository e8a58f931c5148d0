using k8s.Models;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Tests.Notifications;

/// <summary>A valid NetworkMonitor and events of its threshold, for the tests against the apiserver.</summary>
internal static class Monitors
{
    public static V1Alpha1NetworkMonitor Ddos(string ns, string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new NetworkMonitorSpec
        {
            Flows = [new MonitorFlow { Name = "tcp", Keys = [FlowKey.SrcAddr, FlowKey.DstAddr], Value = FlowValue.Frames, Filter = "proto=6" }],
            Thresholds = [new MonitorThreshold { Name = "ddos", Flow = "tcp", Value = 100, Window = "10s", ByFlow = true }],
        },
    };

    public static NetworkEvent Raised(V1Alpha1NetworkMonitor monitor, string id, string source, double value) => new()
    {
        EventId = id,
        Kind = NetworkEvent.Types.Kind.ThresholdRaised,
        Monitor = new NetworkEvent.Types.MonitorRef { Namespace = monitor.Namespace(), Name = monitor.Name(), Uid = monitor.Uid() },
        Threshold = new NetworkEvent.Types.Threshold { Name = "ddos", FlowName = "tcp", Metric = "frames", Value = 100, WindowNs = 10_000_000_000, ByFlow = true },
        FlowKey = { ["srcAddr"] = source, ["dstAddr"] = "10.1.0.2" },
        Value = value,
        TopTalkers = { new NetworkEvent.Types.Talker { Key = { ["srcAddr"] = source, ["dstAddr"] = "10.1.0.2" }, Value = value } },
        AgentAddress = "192.0.2.1",
        InterfaceName = "veth1",
        RaisedAtNs = 1_764_000_000_000_000_000,
    };

    public static NetworkEvent Cleared(NetworkEvent raised, double value)
    {
        var cleared = raised.Clone();
        cleared.Kind = NetworkEvent.Types.Kind.ThresholdCleared;
        cleared.Value = value;
        cleared.TopTalkers.Clear();
        cleared.ClearedAtNs = raised.RaisedAtNs + 40_000_000_000;
        return cleared;
    }
}
