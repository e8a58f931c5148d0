using System.Net.Sockets;

namespace NetworkMachinery.Prober.Namespaces;

/// <summary>Creates sockets in one network namespace, entered through the process's <see cref="NamespaceSwitcher"/>.</summary>
public sealed class NamespaceSocketFactory : ISocketFactory
{
    private readonly NamespaceSwitcher _switcher;

    /// <summary>Creates the factory of the namespace at <paramref name="namespacePath"/>.</summary>
    /// <param name="switcher">The switcher whose thread enters the namespace.</param>
    /// <param name="namespacePath">The namespace: <c>/proc/PID/ns/net</c> or <c>/run/netns/NAME</c>.</param>
    public NamespaceSocketFactory(NamespaceSwitcher switcher, string namespacePath)
    {
        _switcher = switcher;
        NamespacePath = namespacePath;

        // /proc/PID/ns/net links to "net:[INODE]", the namespace itself, so a PID taken over by another pod's process
        // never gets the old pod's shared sockets; a /run/netns name is a bind mount, and the name is the identity.
        Identity = TryReadLink(namespacePath) ?? namespacePath;
    }

    /// <summary>The namespace file the sockets are created in.</summary>
    public string NamespacePath { get; }

    /// <inheritdoc />
    public string Description => $"netns {NamespacePath}";

    /// <inheritdoc />
    public string Identity { get; }

    /// <inheritdoc />
    public ValueTask<Socket> CreateAsync(AddressFamily family, SocketType type, ProtocolType protocol) =>
        new(_switcher.RunAsync(NamespacePath, () => new Socket(family, type, protocol)));

    private static string? TryReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
