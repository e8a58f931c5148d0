using System.Net;
using System.Net.Sockets;

namespace NetworkMachinery.Prober.Tests.Support;

/// <summary>A UDP echo server in a pod: sends every datagram back to its sender (IPv4 and IPv6).</summary>
internal sealed class PodUdpEcho : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Task _echoing;

    private PodUdpEcho(Socket socket)
    {
        _socket = socket;
        _echoing = EchoAsync();
    }

    /// <summary>Echoes on <paramref name="port"/> of every address of <paramref name="pod"/>.</summary>
    public static PodUdpEcho Start(Pod pod, int port)
    {
        var socket = pod.Namespace.CreateSocket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        socket.DualMode = true;
        socket.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
        return new PodUdpEcho(socket);
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        try
        {
            await _echoing;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Closed under the receive: the way it stops.
        }
    }

    private async Task EchoAsync()
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(IPAddress.IPv6Any, 0);
        while (true)
        {
            var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any);
            await _socket.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), SocketFlags.None, received.RemoteEndPoint);
        }
    }
}
