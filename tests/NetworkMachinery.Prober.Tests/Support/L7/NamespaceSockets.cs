using System.Net.Sockets;
using NetworkMachinery.Prober.Namespaces;
using NetworkMachinery.Testing.Netns;

namespace NetworkMachinery.Prober.Tests.Support.L7;

/// <summary>Sockets of a test's own network namespace, each created on a short-lived thread that entered it.</summary>
internal sealed class NamespaceSockets(NetworkNamespace ns) : ISocketFactory
{
    public string Description => $"netns {ns.Name}";

    public string Identity => $"netns {ns.Name}";

    public ValueTask<Socket> CreateAsync(AddressFamily family, SocketType type, ProtocolType protocol) => ValueTask.FromResult(ns.CreateSocket(family, type, protocol));
}
