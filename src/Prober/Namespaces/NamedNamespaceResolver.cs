namespace NetworkMachinery.Prober.Namespaces;

/// <summary>
/// Standalone mode and tests: a pod name is the name of a network namespace that <c>ip netns</c> manages, under
/// <c>/run/netns</c>. Its resolv.conf is <c>/etc/netns/NAME/resolv.conf</c> when that exists, as with
/// <c>ip netns exec</c>.
/// </summary>
/// <param name="directory">Where the namespace handles are; <c>/run/netns</c> unless a test says otherwise.</param>
/// <param name="configDirectory">Where the per-namespace configuration is; <c>/etc/netns</c> by default.</param>
public sealed class NamedNamespaceResolver(string directory = "/run/netns", string configDirectory = "/etc/netns") : INamespaceResolver
{
    /// <inheritdoc />
    public ResolvedNamespace Resolve(PodIdentity pod)
    {
        var name = pod.Name;
        if (string.IsNullOrEmpty(name) || name.Contains('/', StringComparison.Ordinal) || name is "." or "..")
        {
            throw new NamespaceNotFoundException($"'{name}' is not a network namespace name.");
        }

        var path = Path.Combine(directory, name);
        if (!File.Exists(path))
        {
            throw new NamespaceNotFoundException($"No network namespace named '{name}' ({path} does not exist).");
        }

        var resolvConf = Path.Combine(configDirectory, name, "resolv.conf");
        return new ResolvedNamespace(path, File.Exists(resolvConf) ? resolvConf : null);
    }
}
