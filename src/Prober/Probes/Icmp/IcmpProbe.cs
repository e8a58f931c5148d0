using System.Net.Sockets;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Probes.Attempts;

namespace NetworkMachinery.Prober.Probes.Icmp;

/// <summary>
/// ICMP echo (ping) over IPv4 or IPv6, on the raw socket of the source's namespace that all echo probes from it share
/// (CAP_NET_RAW): count echoes an interval apart, each answered within the timeout or lost; min/avg/max/mdev of the
/// round trips and the loss, as ping reports them. An ICMP destination unreachable about a request (host, network,
/// administratively prohibited) is Unreachable. Disposing closes the shared sockets.
/// </summary>
public sealed class IcmpProbe : ITargetProbe, IDisposable
{
    /// <summary>The largest echo payload over IPv4: 65535 minus the IPv4 and ICMP headers (IPv6 allows 20 more).</summary>
    private const int MaxPayloadV4 = 65507;

    /// <summary>At most this many echoes per probe: the sequence number is 16 bits.</summary>
    private const int MaxCount = 65536;

    private readonly TimeProvider _time;

    /// <summary>Creates the probe.</summary>
    /// <param name="time">The clock for intervals, round trips and idle sockets; the system's by default.</param>
    /// <param name="socketIdleTime">How long a namespace's echo socket stays open once no probe uses it; 30 s by default.</param>
    public IcmpProbe(TimeProvider? time = null, TimeSpan? socketIdleTime = null)
    {
        _time = time ?? TimeProvider.System;
        Sockets = new EchoSockets(_time, socketIdleTime ?? TimeSpan.FromSeconds(30));
    }

    /// <inheritdoc />
    public ProbeResult.Types.ProbeType Type => ProbeResult.Types.ProbeType.Icmp;

    /// <summary>The shared echo sockets.</summary>
    internal EchoSockets Sockets { get; }

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

        EchoSockets.Lease lease;
        try
        {
            lease = await Sockets.AcquireAsync(request.Sockets, target.AddressFamily).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            TargetEndpoint.Fail(result, $"cannot open a raw ICMP socket in {request.Sockets.Description} (needs CAP_NET_RAW): {e.Message}");
            return;
        }

        using (lease)
        {
            // The shared socket sees every echo reply of its namespace: the identifier tells this probe's apart.
            var socket = lease.Socket;
            var identifier = socket.TakeIdentifier();
            try
            {
                await AttemptSchedule.RunAsync(
                    request,
                    result,
                    _time,
                    (i, token) =>
                    {
                        var message = new byte[EchoMessages.HeaderSize + request.PayloadSize];
                        EchoMessages.WriteRequest(message, ipv6, identifier, (ushort)i);
                        return socket.EchoAsync(target, identifier, (ushort)i, message, request.Timeout, token);
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                socket.ReturnIdentifier(identifier);
            }
        }
    }

    /// <summary>Closes the shared echo sockets; probes still waiting on them fail.</summary>
    public void Dispose() => Sockets.Dispose();
}
