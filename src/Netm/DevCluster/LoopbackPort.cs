using System.Net;
using System.Net.Sockets;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary>Tells whether a component can listen on a port of 127.0.0.1, before it is started and fails in its log.</summary>
internal static class LoopbackPort
{
    /// <summary>Null when <paramref name="port"/> can be listened on; otherwise why not (e.g. <c>in use</c>).</summary>
    public static string? Problem(int port)
    {
        try
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

            // As the Go servers do: connections of a server that just stopped linger in TIME_WAIT on its port, which
            // does not keep a new listener off it; only a listening socket does.
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            listener.Listen();
            return null;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode == SocketError.AddressAlreadyInUse ? "in use" : e.Message;
        }
    }
}
