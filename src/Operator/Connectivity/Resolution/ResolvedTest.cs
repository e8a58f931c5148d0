namespace NetworkMachinery.Operator.Connectivity.Resolution;

/// <summary>A connectivity test resolved against the cluster: where it probes from, and every address it probes.</summary>
/// <param name="Sources">The sources; those with an error probe nothing.</param>
/// <param name="Targets">The targets, each destination's addresses in order; those with an error are not probed.</param>
public sealed record ResolvedTest(IReadOnlyList<ResolvedSource> Sources, IReadOnlyList<ResolvedTarget> Targets);
