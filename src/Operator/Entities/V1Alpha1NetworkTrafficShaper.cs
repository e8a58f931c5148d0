using k8s.Models;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>
/// A network traffic shaper: adds delay and jitter, packet loss and a bandwidth limit (Linux netem) to a network
/// interface of some pods, in one or both directions, for a while or until the object is deleted; deleting it
/// removes the shaping again.
/// </summary>
[KubernetesEntity(Group = NetworkMachineryApi.Group, ApiVersion = NetworkMachineryApi.Version, Kind = KubeKind, PluralName = KubePluralName)]
[ShortNames("nts")]
[PrinterColumn("Direction", ".spec.direction", Description = "egress, ingress or both.")]
[PrinterColumn("Delay", ".spec.delay.latency", Description = "Added latency, if any.")]
[PrinterColumn("Loss %", ".spec.loss.percent", "number", Description = "Dropped packets, in percent, if any.")]
[PrinterColumn("Rate", ".spec.bandwidth.rate", Description = "The bandwidth limit, if any.")]
[PrinterColumn("Applied", ".status.applied", "integer", Description = "Pods whose interface is shaped now.")]
[PrinterColumn("Expires", ".status.expiresAt", "date", Description = "When the shaping is removed, if spec.duration is set.")]
[PrinterColumn("Age", ".metadata.creationTimestamp", "date")]
public sealed class V1Alpha1NetworkTrafficShaper() : CustomResource<NetworkTrafficShaperSpec, NetworkTrafficShaperStatus>(KubeKind)
{
    /// <summary>The kind: <c>NetworkTrafficShaper</c>.</summary>
    public const string KubeKind = "NetworkTrafficShaper";

    /// <summary>The resource name in URLs: <c>networktrafficshapers</c>.</summary>
    public const string KubePluralName = "networktrafficshapers";
}
