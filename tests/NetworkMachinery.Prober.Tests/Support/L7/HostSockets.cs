using System.Net.Sockets;
using NetworkMachinery.Prober.Namespaces;

namespace NetworkMachinery.Prober.Tests.Support.L7;

/// <summary>Sockets of the test process's own namespace, for servers on loopback.</summary>
internal sealed class HostSockets : ISocketFactory
{
    public string Description => "host";

    public string Identity => "host";

    public ValueTask<Socket> CreateAsync(AddressFamily family, SocketType type, ProtocolType protocol) => ValueTask.FromResult(new Socket(family, type, protocol));
}
