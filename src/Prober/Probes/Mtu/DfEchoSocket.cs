using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using NetworkMachinery.Prober.Namespaces;

namespace NetworkMachinery.Prober.Probes.Mtu;

/// <summary>
/// A raw ICMP (or ICMPv6) socket of the source's namespace that sends echo requests with Don't Fragment set and
/// ignores the path MTU the kernel has learnt (<c>IP_PMTUDISC_PROBE</c>, <c>IPV6_PMTUDISC_PROBE</c> with
/// <c>IPV6_DONTFRAG</c>), so every size is really tried: a size above the interface's MTU fails at once with EMSGSIZE,
/// one above a later hop's comes back as "fragmentation needed" / "packet too big" or not at all.
/// </summary>
internal sealed class DfEchoSocket : IDisposable
{
    private const int SolIp = 0;
    private const int IpMtuDiscover = 10;
    private const int SolIpv6 = 41;
    private const int Ipv6MtuDiscover = 23;
    private const int Ipv6DontFrag = 62;
    private const int PmtuDiscProbe = 3;

    private readonly Socket _socket;
    private readonly IPEndPoint _destination;
    private readonly ushort _id = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
    private readonly byte[] _buffer = new byte[65_536];
    private ushort _sequence;

    private DfEchoSocket(Socket socket, IPAddress destination)
    {
        _socket = socket;
        _destination = new IPEndPoint(destination, 0);
    }

    /// <summary>Opens the socket in <paramref name="sockets"/>' namespace for echoes to <paramref name="destination"/>.</summary>
    /// <exception cref="SocketException">The raw socket cannot be created (no CAP_NET_RAW) or configured.</exception>
    public static async Task<DfEchoSocket> OpenAsync(ISocketFactory sockets, IPAddress destination)
    {
        var v4 = destination.AddressFamily == AddressFamily.InterNetwork;
        var socket = await sockets.CreateAsync(destination.AddressFamily, SocketType.Raw, v4 ? ProtocolType.Icmp : ProtocolType.IcmpV6).ConfigureAwait(false);
        try
        {
            if (v4)
            {
                socket.SetRawSocketOption(SolIp, IpMtuDiscover, BitConverter.GetBytes(PmtuDiscProbe));
            }
            else
            {
                socket.SetRawSocketOption(SolIpv6, Ipv6MtuDiscover, BitConverter.GetBytes(PmtuDiscProbe));
                socket.SetRawSocketOption(SolIpv6, Ipv6DontFrag, BitConverter.GetBytes(1));
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new DfEchoSocket(socket, destination);
    }

    public AddressFamily Family => _destination.AddressFamily;

    /// <summary>
    /// Sends one echo request whose IP packet is <paramref name="packetSize"/> bytes and waits up to
    /// <paramref name="timeout"/> for what answers it; <paramref name="sent"/> is called once the request left (not for
    /// EMSGSIZE), so the caller can count it.
    /// </summary>
    public async Task<EchoAnswer> EchoAsync(int packetSize, TimeSpan timeout, Action sent, CancellationToken cancellationToken)
    {
        var sequence = ++_sequence;
        var request = DfEcho.Request(Family, _id, sequence, packetSize);
        try
        {
            await _socket.SendToAsync(request, SocketFlags.None, _destination, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize)
        {
            return new EchoAnswer(EchoAnswerKind.TooBig);
        }
        catch (SocketException e)
        {
            return new EchoAnswer(EchoAnswerKind.Unreachable, Reason: SocketErrors.Classify(e.SocketErrorCode).Reason);
        }

        sent();
        var started = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        EndPoint any = new IPEndPoint(Family == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, 0);
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveFromAsync(_buffer, SocketFlags.None, any, deadline.Token).ConfigureAwait(false);
                var from = ((IPEndPoint)received.RemoteEndPoint).Address;
                if (DfEcho.Interpret(Family, _buffer.AsSpan(0, received.ReceivedBytes), from, _destination.Address, _id, sequence) is { } answer)
                {
                    return answer.Kind == EchoAnswerKind.Reply ? answer with { Rtt = Stopwatch.GetElapsedTime(started) } : answer;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new EchoAnswer(EchoAnswerKind.Silence);
        }
    }

    public void Dispose() => _socket.Dispose();
}
