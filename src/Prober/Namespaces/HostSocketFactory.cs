using System.Net.Sockets;

namespace NetworkMachinery.Prober.Namespaces;

/// <summary>
/// Creates sockets in the prober's own network namespace: the node's, since the agent runs with the host network, or
/// wherever a standalone <c>netm probe</c> was started.
/// </summary>
public sealed class HostSocketFactory : ISocketFactory
{
    /// <summary>The one instance; it has no state.</summary>
    public static HostSocketFactory Instance { get; } = new();

    /// <inheritdoc />
    public string Description => "host";

    /// <inheritdoc />
    public string Identity => "host";

    /// <inheritdoc />
    public ValueTask<Socket> CreateAsync(AddressFamily family, SocketType type, ProtocolType protocol) => ValueTask.FromResult(new Socket(family, type, protocol));
}
