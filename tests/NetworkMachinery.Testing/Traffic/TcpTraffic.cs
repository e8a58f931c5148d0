using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Testing.Netns;

namespace NetworkMachinery.Testing.Traffic;

/// <summary>A TCP connection between two namespaces carrying a known number of bytes, with sockets opened in each.</summary>
public static class TcpTraffic
{
    /// <summary>
    /// Listens on <paramref name="serverAddress"/>:<paramref name="port"/> (0 picks a port) in <paramref name="server"/>,
    /// connects from <paramref name="client"/>, sends <paramref name="bytes"/> bytes and closes both ways, so the
    /// connection shows its SYN, data and FIN segments. Throws <see cref="TimeoutException"/> when it takes longer
    /// than <paramref name="timeout"/>.
    /// </summary>
    public static async Task<TransferResult> TransferAsync(
        NetworkNamespace client, NetworkNamespace server, IPAddress serverAddress, int bytes, TimeSpan timeout, int port = 0)
    {
        using var listener = server.CreateSocket(serverAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(serverAddress, port));
        listener.Listen(1);
        var serverEndPoint = (IPEndPoint)listener.LocalEndPoint!;

        using var timeoutSource = new CancellationTokenSource(timeout);
        var token = timeoutSource.Token;
        try
        {
            var receiving = ReceiveAllAsync(listener, token);
            using var socket = client.CreateSocket(serverAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(serverEndPoint, token);
            var clientEndPoint = (IPEndPoint)socket.LocalEndPoint!;

            var chunk = new byte[16 * 1024];
            Random.Shared.NextBytes(chunk);
            for (var sent = 0; sent < bytes;)
            {
                sent += await socket.SendAsync(chunk.AsMemory(0, Math.Min(chunk.Length, bytes - sent)), SocketFlags.None, token);
            }

            socket.Shutdown(SocketShutdown.Send);
            var received = await receiving;

            // Wait for the server's FIN as well, so both directions finish before the caller looks at the samples.
            await socket.ReceiveAsync(chunk, SocketFlags.None, token);
            return new TransferResult(clientEndPoint, serverEndPoint, received, 1);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"TCP transfer of {bytes} bytes from {client} to {serverEndPoint} in {server} did not finish within {timeout.TotalSeconds:0.#} s.");
        }
    }

    private static async Task<long> ReceiveAllAsync(Socket listener, CancellationToken cancellationToken)
    {
        using var connection = await listener.AcceptAsync(cancellationToken);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await connection.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
        {
            total += read;
        }

        connection.Shutdown(SocketShutdown.Send);
        return total;
    }
}
