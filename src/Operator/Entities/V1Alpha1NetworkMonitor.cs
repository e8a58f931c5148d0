using k8s.Models;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>
/// A network monitor: flows to measure from the sFlow samples the collector receives (keys, a value, a filter),
/// thresholds over those flows or over counter and probe metrics, and the channels that hear about every threshold
/// crossed. Each crossing becomes a NetworkNotification.
/// </summary>
[KubernetesEntity(Group = NetworkMachineryApi.Group, ApiVersion = NetworkMachineryApi.Version, Kind = KubeKind, PluralName = KubePluralName)]
[ShortNames("nm")]
[PrinterColumn("Ready", ".status.conditions[?(@.type==\"Ready\")].status", Description = "Whether the flows and thresholds are being evaluated.")]
[PrinterColumn("Active Events", ".status.activeEvents", "integer", Description = "Thresholds crossed right now.")]
[PrinterColumn("Last Event", ".status.lastEventAt", "date", Description = "When a threshold was last crossed.")]
[PrinterColumn("Age", ".metadata.creationTimestamp", "date")]
public sealed class V1Alpha1NetworkMonitor() : CustomResource<NetworkMonitorSpec, NetworkMonitorStatus>(KubeKind)
{
    /// <summary>The kind: <c>NetworkMonitor</c>.</summary>
    public const string KubeKind = "NetworkMonitor";

    /// <summary>The resource name in URLs: <c>networkmonitors</c>.</summary>
    public const string KubePluralName = "networkmonitors";
}
