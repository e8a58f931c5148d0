using k8s.Models;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>
/// A network notification: one threshold crossing of a NetworkMonitor (the event, the flow key and the top talkers
/// behind it), created by the operator, and its delivery to each of the monitor's channels.
/// </summary>
[KubernetesEntity(Group = NetworkMachineryApi.Group, ApiVersion = NetworkMachineryApi.Version, Kind = KubeKind, PluralName = KubePluralName)]
[ShortNames("nn")]
[PrinterColumn("Monitor", ".spec.monitor", Description = "The NetworkMonitor whose threshold was crossed.")]
[PrinterColumn("Threshold", ".spec.threshold", Description = "The threshold crossed.")]
[PrinterColumn("Value", ".spec.event.value", "number", Description = "The value that crossed it.")]
[PrinterColumn("Delivered", ".status.conditions[?(@.type==\"Delivered\")].status", Description = "Whether every channel has it.")]
[PrinterColumn("Age", ".metadata.creationTimestamp", "date")]
[PrinterColumn("Agent", ".spec.event.agent", Priority = 1, Description = "The sFlow agent that reported the traffic.")]
public sealed class V1Alpha1NetworkNotification() : CustomResource<NetworkNotificationSpec, NetworkNotificationStatus>(KubeKind)
{
    /// <summary>The kind: <c>NetworkNotification</c>.</summary>
    public const string KubeKind = "NetworkNotification";

    /// <summary>The resource name in URLs: <c>networknotifications</c>.</summary>
    public const string KubePluralName = "networknotifications";
}
