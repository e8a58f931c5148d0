using System.Net;
using System.Net.Sockets;

namespace NetworkMachinery.Prober.Tests.Support;

/// <summary>A TCP server in a pod: accepts every connection on a port (IPv4 and IPv6) and closes it.</summary>
internal sealed class PodTcpListener : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Task _accepting;
    private int _accepted;

    private PodTcpListener(Socket socket)
    {
        _socket = socket;
        _accepting = AcceptAsync();
    }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Listens on <paramref name="port"/> of every address of <paramref name="pod"/>.</summary>
    public static PodTcpListener Start(Pod pod, int port)
    {
        var socket = pod.Namespace.CreateSocket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
        socket.DualMode = true;
        socket.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
        socket.Listen(512);
        return new PodTcpListener(socket);
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Closed under the accept: the way it stops.
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            using var connection = await _socket.AcceptAsync();
            Interlocked.Increment(ref _accepted);
        }
    }
}
