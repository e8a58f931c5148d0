using System.Net;
using NetworkMachinery.Prober.Namespaces;
using NetworkMachinery.Testing.Netns;

namespace NetworkMachinery.Prober.Tests.Support;

/// <summary>A "pod" of a <see cref="PodNetwork"/>: a network namespace with one interface on the bridge.</summary>
/// <param name="Namespace">The pod's network namespace.</param>
/// <param name="V4">Its IPv4 address.</param>
/// <param name="V6">Its IPv6 address.</param>
internal sealed record Pod(NetworkNamespace Namespace, IPAddress V4, IPAddress V6)
{
    /// <summary>The namespace's handle, as the resolvers give it.</summary>
    public string NamespacePath => Path.Combine(NetworkNamespace.HandleDirectory, Namespace.Name);

    /// <summary>The pod's IPv4 or IPv6 address.</summary>
    public IPAddress Address(bool ipv6) => ipv6 ? V6 : V4;

    /// <summary>Sockets in the pod's namespace, through <paramref name="switcher"/>.</summary>
    public ISocketFactory Sockets(NamespaceSwitcher switcher) => new NamespaceSocketFactory(switcher, NamespacePath);

    /// <summary>Replaces the pod's nftables ruleset with an <c>inet</c> table whose input chain holds <paramref name="rules"/>.</summary>
    public Task FirewallAsync(params string[] rules) =>
        Namespace.ExecAsync(
            "nft",
            ["-f", "-"],
            new Testing.Processes.ProcessOptions
            {
                StandardInput = $$"""
                    flush ruleset
                    table inet nmt {
                      chain input {
                        type filter hook input priority 0; policy accept;
                        {{string.Join("\n    ", rules)}}
                      }
                    }
                    """,
            });
}
