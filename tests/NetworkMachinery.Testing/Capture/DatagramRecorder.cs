using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Testing.Netns;

namespace NetworkMachinery.Testing.Capture;

/// <summary>
/// A UDP socket that keeps a copy of every datagram it receives: a stand-in collector for tests that want the exact
/// bytes an exporter sent.
/// </summary>
public sealed class DatagramRecorder : IAsyncDisposable
{
    private const int ReceiveBufferBytes = 4 * 1024 * 1024;

    private readonly Socket _socket;
    private readonly List<byte[]> _datagrams = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;

    private DatagramRecorder(Socket socket)
    {
        _socket = socket;
        EndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _receiving = ReceiveAsync();
    }

    /// <summary>The address and port the recorder listens on.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Starts recording on <paramref name="address"/> with a free port, in <paramref name="ns"/> or else the host namespace.</summary>
    public static DatagramRecorder Start(IPAddress address, NetworkNamespace? ns = null)
    {
        var socket = ns is null
            ? new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp)
            : ns.CreateSocket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // Bursts of exporter datagrams must not overflow the socket while the test is busy elsewhere.
            socket.ReceiveBufferSize = ReceiveBufferBytes;
            socket.Bind(new IPEndPoint(address, 0));
            return new DatagramRecorder(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A copy of the list of datagrams received so far, in arrival order.</summary>
    public IReadOnlyList<byte[]> Snapshot()
    {
        lock (_lock)
        {
            return [.. _datagrams];
        }
    }

    /// <summary>Stops receiving and closes the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _receiving;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The loop ends by cancellation or by the closed socket; both mean "stopped".
        }

        _stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[65536];
        while (!_stop.IsCancellationRequested)
        {
            var length = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            lock (_lock)
            {
                _datagrams.Add(buffer.AsSpan(0, length).ToArray());
            }
        }
    }
}
