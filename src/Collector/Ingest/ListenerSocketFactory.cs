using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Collector.Native;

namespace NetworkMachinery.Collector.Ingest;

/// <summary>Creates the receive loops' sockets: bound to one address and port with SO_REUSEPORT, so the kernel spreads agents over them.</summary>
internal static class ListenerSocketFactory
{
    /// <summary>Creates <see cref="SocketOptions.ReceiveLoops"/> bound sockets; all share the first socket's port when the requested port is 0.</summary>
    /// <exception cref="SocketException">The address cannot be bound (in use, not local, no permission).</exception>
    public static List<Socket> Create(SocketOptions options)
    {
        var sockets = new List<Socket>(options.ReceiveLoops);
        try
        {
            var endpoint = options.Listen;
            for (var i = 0; i < options.ReceiveLoops; i++)
            {
                var socket = CreateOne(endpoint, options.ReceiveBufferBytes);
                sockets.Add(socket);
                endpoint = (IPEndPoint)socket.LocalEndPoint!;
            }

            return sockets;
        }
        catch
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }

            throw;
        }
    }

    private static Socket CreateOne(IPEndPoint endpoint, int receiveBufferBytes)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (endpoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = endpoint.Address.Equals(IPAddress.IPv6Any);
            }

            socket.SetRawSocketOption(LinuxSockets.SolSocket, LinuxSockets.SoReusePort, BitConverter.GetBytes(1));
            SetReceiveBuffer(socket, receiveBufferBytes);

            // A receive timeout lets the blocking loop notice shutdown without closing the socket under it.
            Span<byte> timeout = stackalloc byte[16];
            BitConverter.TryWriteBytes(timeout, 0L);
            BitConverter.TryWriteBytes(timeout[8..], 200_000L);
            socket.SetRawSocketOption(LinuxSockets.SolSocket, LinuxSockets.SoRcvTimeo, timeout);
            socket.Bind(endpoint);
            LinuxSockets.SetBlocking((int)socket.SafeHandle.DangerousGetHandle());
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void SetReceiveBuffer(Socket socket, int bytes)
    {
        // SO_RCVBUFFORCE goes past net.core.rmem_max when we may (CAP_NET_ADMIN); otherwise the kernel caps SO_RCVBUF.
        try
        {
            socket.SetRawSocketOption(LinuxSockets.SolSocket, LinuxSockets.SoRcvBufForce, BitConverter.GetBytes(bytes));
        }
        catch (SocketException)
        {
            socket.ReceiveBufferSize = bytes;
        }
    }
}
