using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Testing.Netns;

namespace NetworkMachinery.Testing.Traffic;

/// <summary>UDP datagrams between two namespaces, with sockets opened in each.</summary>
public static class UdpTraffic
{
    /// <summary>
    /// Binds <paramref name="serverAddress"/>:<paramref name="port"/> (0 picks a port) in <paramref name="server"/> and
    /// sends <paramref name="count"/> datagrams of <paramref name="size"/> bytes from <paramref name="client"/>, one
    /// millisecond apart. Returns once all arrived; throws <see cref="TimeoutException"/> when they do not within
    /// <paramref name="timeout"/>.
    /// </summary>
    public static async Task<TransferResult> SendAsync(
        NetworkNamespace client, NetworkNamespace server, IPAddress serverAddress, int count, int size, TimeSpan timeout, int port = 0)
    {
        using var receiver = server.CreateSocket(serverAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(serverAddress, port));
        var serverEndPoint = (IPEndPoint)receiver.LocalEndPoint!;
        using var sender = client.CreateSocket(serverAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        sender.Connect(serverEndPoint);
        var clientEndPoint = (IPEndPoint)sender.LocalEndPoint!;

        using var timeoutSource = new CancellationTokenSource(timeout);
        var token = timeoutSource.Token;
        var received = 0;
        long bytes = 0;
        try
        {
            var receiving = Task.Run(
                async () =>
                {
                    var buffer = new byte[Math.Max(size, 1)];
                    while (received < count)
                    {
                        bytes += await receiver.ReceiveAsync(buffer, SocketFlags.None, token);
                        received++;
                    }
                },
                token);

            var payload = new byte[size];
            Random.Shared.NextBytes(payload);
            for (var i = 0; i < count; i++)
            {
                await sender.SendAsync(payload, SocketFlags.None, token);

                // A little pacing keeps the burst inside every queue on the way: the test counts each datagram.
                await Task.Delay(1, token);
            }

            await receiving;
            return new TransferResult(clientEndPoint, serverEndPoint, bytes, received);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"{received} of {count} UDP datagrams from {clientEndPoint} in {client} reached {serverEndPoint} in {server} within {timeout.TotalSeconds:0.#} s.");
        }
    }
}
