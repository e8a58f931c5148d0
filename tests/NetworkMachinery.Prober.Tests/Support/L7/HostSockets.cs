using System.Net.Sockets;
using NetworkMachinery.Prober.Namespaces;

namespace NetworkMachinery.Prober.Tests.Support.L7;

/// <summary>Sockets of the test process's own namespace, for servers on loopback.</summary>
internal sealed class HostSockets : ISocketFactory
{
    public string Description => "host";

    public Socket Create(AddressFamily family, SocketType type, ProtocolType protocol) => new(family, type, protocol);
}
