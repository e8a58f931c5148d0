using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>Asks a DNS server one question over UDP, to tell whether it answers at all.</summary>
internal static class DnsQuery
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    // An A question for a name the cluster DNS answers itself (NXDOMAIN or an address): the header (id, flags with
    // "recursion desired", one question), then kubernetes.default.svc.cluster.local, type A, class IN.
    private static readonly byte[] Question =
    [
        0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0,
        10, .. "kubernetes"u8, 7, .. "default"u8, 3, .. "svc"u8, 7, .. "cluster"u8, 5, .. "local"u8, 0,
        0, 1, 0, 1,
    ];

    /// <summary>True when the server at <paramref name="address"/>:<paramref name="port"/> sent a response to a question within a second.</summary>
    public static async Task<bool> AnswersAsync(string address, int port, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var query = Question.ToArray();
        var id = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue);
        BinaryPrimitives.WriteUInt16BigEndian(query, id);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await socket.SendToAsync(query, new IPEndPoint(IPAddress.Parse(address), port), timeout.Token);
            var response = new byte[512];
            var received = await socket.ReceiveAsync(response, timeout.Token);

            // The same id, and the "response" bit.
            return received >= 12 && BinaryPrimitives.ReadUInt16BigEndian(response) == id && (response[2] & 0x80) != 0;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
