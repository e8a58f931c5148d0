using System.Net;
using System.Net.Sockets;

namespace NetworkMachinery.Testing.Ports;

/// <summary>
/// Loopback TCP and UDP ports that nothing listens on, for servers that must be told their port up front (they cannot
/// report the one the kernel picked). A port is free when it is handed out; another process could still take it
/// before the server binds it, which is rare enough for tests.
/// </summary>
public static class FreePorts
{
    /// <summary>One free TCP port on 127.0.0.1.</summary>
    public static int Tcp() => Tcp(1)[0];

    /// <summary>One free UDP port on 127.0.0.1.</summary>
    public static int Udp()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary><paramref name="count"/> distinct free TCP ports on 127.0.0.1.</summary>
    public static IReadOnlyList<int> Tcp(int count)
    {
        // All sockets stay bound until every port is chosen, so the kernel cannot hand the same port out twice.
        var sockets = new List<Socket>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                sockets.Add(socket);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            }

            return sockets.Select(socket => ((IPEndPoint)socket.LocalEndPoint!).Port).ToList();
        }
        finally
        {
            sockets.ForEach(socket => socket.Dispose());
        }
    }
}
