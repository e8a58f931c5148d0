using NetworkMachinery.Contracts;

namespace NetworkMachinery.Operator.Connectivity.Resolution;

/// <summary>One place a test probes from, as resolved: a pod, a node, or the host; or why it could not be resolved.</summary>
/// <param name="Display">How the status names it: <c>namespace/name</c> of a pod, <c>node/NAME</c>, or <c>host</c>.</param>
/// <param name="Source">The source as a probe task carries it.</param>
/// <param name="PodUid">The pod's UID, by which the prober finds its network namespace; empty otherwise.</param>
/// <param name="Error">Why it cannot probe (the pod does not exist, has no address yet, ...); null when it can.</param>
public sealed record ResolvedSource(string Display, ProbeResult.Types.Source Source, string PodUid, string? Error);
