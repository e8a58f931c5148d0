namespace NetworkMachinery.Prober.Namespaces;

/// <summary>Where a source pod's network is: its network namespace, and the resolv.conf its containers use.</summary>
/// <param name="NamespacePath">The network namespace file: <c>/proc/PID/ns/net</c> or <c>/run/netns/NAME</c>.</param>
/// <param name="ResolvConfPath">The pod's resolv.conf, or <c>null</c> when none was found (the probe then uses the
/// host's).</param>
public sealed record ResolvedNamespace(string NamespacePath, string? ResolvConfPath);
