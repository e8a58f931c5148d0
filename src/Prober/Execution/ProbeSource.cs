using NetworkMachinery.Prober.Namespaces;

namespace NetworkMachinery.Prober.Execution;

/// <summary>Where a task's probes run from: the source's sockets and resolv.conf, or why the source was not found.</summary>
/// <param name="Sockets">The sockets of the source's network namespace; <c>null</c> when not found.</param>
/// <param name="NamespacePath">The source's namespace file; <c>null</c> for the host (the prober's own namespace).</param>
/// <param name="ResolvConfPath">The source's resolv.conf, when known.</param>
/// <param name="LimiterKey">The key of the per-pod concurrency limit.</param>
/// <param name="Problem">Why the source's namespace was not found; <c>null</c> when it was.</param>
internal sealed record ProbeSource(ISocketFactory? Sockets, string? NamespacePath, string? ResolvConfPath, string LimiterKey, string? Problem);
