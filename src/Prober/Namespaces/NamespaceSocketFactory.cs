using System.Net.Sockets;

namespace NetworkMachinery.Prober.Namespaces;

/// <summary>Creates sockets in one network namespace, entered through the process's <see cref="NamespaceSwitcher"/>.</summary>
/// <param name="switcher">The switcher whose thread enters the namespace.</param>
/// <param name="namespacePath">The namespace: <c>/proc/PID/ns/net</c> or <c>/run/netns/NAME</c>.</param>
public sealed class NamespaceSocketFactory(NamespaceSwitcher switcher, string namespacePath) : ISocketFactory
{
    /// <summary>The namespace file the sockets are created in.</summary>
    public string NamespacePath { get; } = namespacePath;

    /// <inheritdoc />
    public string Description => $"netns {NamespacePath}";

    /// <inheritdoc />
    public Socket Create(AddressFamily family, SocketType type, ProtocolType protocol) =>
        switcher.Run(NamespacePath, () => new Socket(family, type, protocol));
}
