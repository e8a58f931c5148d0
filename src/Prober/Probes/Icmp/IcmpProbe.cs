using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Probes.Attempts;

namespace NetworkMachinery.Prober.Probes.Icmp;

/// <summary>
/// ICMP echo (ping) over IPv4 or IPv6, on a raw socket from the source's namespace (CAP_NET_RAW): count echoes an
/// interval apart, each answered within the timeout or lost; min/avg/max/mdev of the round trips and the loss, as
/// ping reports them. An ICMP destination unreachable about a request (host, network, administratively prohibited)
/// is Unreachable.
/// </summary>
/// <param name="time">The clock for intervals and round trips; the system's by default.</param>
public sealed class IcmpProbe(TimeProvider? time = null) : ITargetProbe
{
    /// <summary>The largest echo payload over IPv4: 65535 minus the IPv4 and ICMP headers (IPv6 allows 20 more).</summary>
    private const int MaxPayloadV4 = 65507;

    /// <summary>At most this many echoes per probe: the sequence number is 16 bits.</summary>
    private const int MaxCount = 65536;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public ProbeResult.Types.ProbeType Type => ProbeResult.Types.ProbeType.Icmp;

    /// <inheritdoc />
    public async Task RunAsync(ProbeRequest request, ProbeResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        if (TargetEndpoint.ParseAddress(request.Target, out var reason) is not { } target)
        {
            TargetEndpoint.Fail(result, reason);
            return;
        }

        var ipv6 = target.AddressFamily == AddressFamily.InterNetworkV6;
        var maxPayload = ipv6 ? MaxPayloadV4 + 20 : MaxPayloadV4;
        if (request.PayloadSize < 0 || request.PayloadSize > maxPayload || request.Count > MaxCount)
        {
            TargetEndpoint.Fail(result, $"{request.Count} echoes of {request.PayloadSize} bytes: at most {MaxCount} echoes of 0-{maxPayload} bytes");
            return;
        }

        Socket socket;
        try
        {
            socket = request.Sockets.Create(target.AddressFamily, SocketType.Raw, ipv6 ? ProtocolType.IcmpV6 : ProtocolType.Icmp);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            TargetEndpoint.Fail(result, $"cannot open a raw ICMP socket in {request.Sockets.Description} (needs CAP_NET_RAW): {e.Message}");
            return;
        }

        using (socket)
        {
            // .NET receives from bound sockets only; a raw socket bound to the any-address still gets every ICMP packet.
            socket.Bind(new IPEndPoint(ipv6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
            var session = new EchoSession(socket, target, Math.Max(1, request.Count), request.PayloadSize, _time);
            using var receiving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var receiver = session.ReceiveAsync(receiving.Token);
            try
            {
                await AttemptSchedule.RunAsync(
                    request, result, _time, (i, token) => session.EchoAsync(i, request.Timeout, token), cancellationToken);
            }
            finally
            {
                await receiving.CancelAsync();
                await receiver;
            }
        }
    }
}
