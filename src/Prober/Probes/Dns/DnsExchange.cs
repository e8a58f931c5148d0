using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using NetworkMachinery.Prober.Namespaces;

namespace NetworkMachinery.Prober.Probes.Dns;

/// <summary>
/// Asks one server about one name: the queries of every type go out at once on one UDP socket, as glibc sends A and
/// AAAA together, and a truncated answer is asked again over TCP. Responses whose id or question do not match are
/// ignored, as a stub resolver must.
/// </summary>
internal static class DnsExchange
{
    private const int MaxUdpResponse = 65_535;

    public static async Task<DnsServerReply> AskAsync(
        ISocketFactory sockets, IPEndPoint server, string name, IReadOnlyList<DnsRecordType> types, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var queries = types.Select(type => (Id: (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1), Type: type)).ToList();
        var responses = new DnsResponse?[queries.Count];
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var socket = await sockets.CreateAsync(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp).ConfigureAwait(false);

            // A connected socket hears the ICMP port unreachable of a server that is not there, so that server fails
            // at once instead of after the timeout.
            await socket.ConnectAsync(server, deadline.Token).ConfigureAwait(false);
            foreach (var (id, type) in queries)
            {
                await socket.SendAsync(DnsQueryWriter.Write(id, name, type), deadline.Token).ConfigureAwait(false);
            }

            var buffer = new byte[MaxUdpResponse];
            while (responses.Any(r => r is null))
            {
                var length = await socket.ReceiveAsync(buffer, deadline.Token).ConfigureAwait(false);
                var index = Match(buffer.AsSpan(0, length), name, queries, out var response);
                if (index < 0 || responses[index] is not null)
                {
                    continue;
                }

                responses[index] = response!.Truncated
                    ? await AskOverTcpAsync(sockets, server, name, queries[index], deadline.Token).ConfigureAwait(false)
                    : response;
            }

            return new DnsServerReply(responses.OfType<DnsResponse>().ToList(), null, false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var received = responses.OfType<DnsResponse>().ToList();
            return received.Count > 0
                ? new DnsServerReply(received, null, false)
                : new DnsServerReply([], SocketErrors.NoReply(timeout), true);
        }
        catch (SocketException e)
        {
            return new DnsServerReply(responses.OfType<DnsResponse>().ToList(), SocketErrors.Classify(e.SocketErrorCode).Reason, false);
        }
        catch (IOException e)
        {
            return new DnsServerReply([], e.Message, false);
        }
        catch (DnsFormatException e)
        {
            return new DnsServerReply([], $"malformed answer over TCP: {e.Message}", false);
        }
    }

    private static int Match(ReadOnlySpan<byte> datagram, string name, List<(ushort Id, DnsRecordType Type)> queries, out DnsResponse? response)
    {
        response = null;
        try
        {
            response = DnsResponseReader.Read(datagram);
        }
        catch (DnsFormatException)
        {
            return -1;
        }

        var id = response.Id;
        var type = response.QuestionType;
        var question = response.QuestionName;
        return string.Equals(question, name.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)
            ? queries.FindIndex(q => q.Id == id && q.Type == type)
            : -1;
    }

    private static async Task<DnsResponse> AskOverTcpAsync(
        ISocketFactory sockets, IPEndPoint server, string name, (ushort Id, DnsRecordType Type) query, CancellationToken cancellationToken)
    {
        using var socket = await sockets.CreateAsync(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp).ConfigureAwait(false);
        await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
        var message = DnsQueryWriter.Write(query.Id, name, query.Type);
        var framed = new byte[2 + message.Length];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Length);
        message.CopyTo(framed, 2);
        await socket.SendAsync(framed, cancellationToken).ConfigureAwait(false);

        var lengthPrefix = new byte[2];
        await ReceiveExactlyAsync(socket, lengthPrefix, cancellationToken).ConfigureAwait(false);
        var response = new byte[BinaryPrimitives.ReadUInt16BigEndian(lengthPrefix)];
        await ReceiveExactlyAsync(socket, response, cancellationToken).ConfigureAwait(false);
        var decoded = DnsResponseReader.Read(response);
        return decoded.Id == query.Id ? decoded : throw new IOException($"{server} answered over TCP with id {decoded.Id}, not {query.Id}");
    }

    private static async Task ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (buffer.Length > 0)
        {
            var read = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("the server closed the TCP connection before the whole answer");
            }

            buffer = buffer[read..];
        }
    }
}
