using k8s.Models;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>
/// A network connectivity test: probes from a source (a pod, the pods of a label selector, or a node's host
/// network) to a list of destinations (pods, IP addresses, services with every ready endpoint and the ClusterIP,
/// DNS names, nodes) at layer 3 (ICMP echo) or layer 4 (a TCP or UDP port), once or on a schedule, and reports one
/// result per source and destination with its round-trip times and loss. With spec.expect it asserts a network
/// policy: Reachable or Unreachable.
/// </summary>
[KubernetesEntity(Group = NetworkMachineryApi.Group, ApiVersion = NetworkMachineryApi.Version, Kind = KubeKind, PluralName = KubePluralName)]
[ShortNames("nct")]
[PrinterColumn("Layer", ".spec.layer", Description = "3: ICMP echo; 4: a TCP or UDP port.")]
[PrinterColumn("Source", ".status.source", Description = "The source of the last run: namespace/pod, a selector with its pod count, or a node.")]
[PrinterColumn("Destinations", ".status.summary.destinations", "integer", Description = "Results of the last run: one per source and resolved destination.")]
[PrinterColumn("Reachable", ".status.summary.reachable", "integer", Description = "Results of the last run that reached their target.")]
[PrinterColumn("Failed", ".status.summary.failed", "integer", Description = "Results of the last run that did not meet the expectation (Reachable unless spec.expect says otherwise).")]
[PrinterColumn("Last Run", ".status.lastRun", "date", Description = "When the last run finished.")]
[PrinterColumn("Age", ".metadata.creationTimestamp", "date")]
[PrinterColumn("Expect", ".spec.expect", Priority = 1, Description = "The expected outcome, if any.")]
[PrinterColumn("Every", ".spec.schedule.every", Priority = 1, Description = "How often the test re-runs, if scheduled.")]
[PrinterColumn("Next Run", ".status.nextRun", "date", Priority = 1, Description = "When the next scheduled run starts.")]
public sealed class V1Alpha1NetworkConnectivityTest() : CustomResource<NetworkConnectivityTestSpec, NetworkConnectivityTestStatus>(KubeKind)
{
    /// <summary>The kind: <c>NetworkConnectivityTest</c>.</summary>
    public const string KubeKind = "NetworkConnectivityTest";

    /// <summary>The resource name in URLs: <c>networkconnectivitytests</c>.</summary>
    public const string KubePluralName = "networkconnectivitytests";
}
