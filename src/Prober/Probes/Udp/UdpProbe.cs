using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Native;
using NetworkMachinery.Prober.Probes.Attempts;

namespace NetworkMachinery.Prober.Probes.Udp;

/// <summary>
/// UDP: each attempt sends a datagram of the payload size from a socket connected to the target and waits for any
/// reply. A reply is Reachable; an ICMP port unreachable is Refused; any other ICMP destination unreachable is
/// Unreachable; silence is Timeout. With IP_RECVERR (IPV6_RECVERR) the kernel reports every ICMP error of the
/// connected socket to its next receive, not only the port unreachable it reports by default.
/// </summary>
/// <param name="time">The clock for intervals and round trips; the system's by default.</param>
public sealed class UdpProbe(TimeProvider? time = null) : ITargetProbe
{
    /// <summary>The largest UDP payload of an IPv4 datagram (65535 minus the IPv4 and UDP headers).</summary>
    private const int MaxPayload = 65507;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public ProbeResult.Types.ProbeType Type => ProbeResult.Types.ProbeType.Udp;

    /// <inheritdoc />
    public Task RunAsync(ProbeRequest request, ProbeResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        if (TargetEndpoint.ParseEndpoint(request.Target, out var reason) is not { } endpoint)
        {
            TargetEndpoint.Fail(result, reason);
            return Task.CompletedTask;
        }

        if (request.PayloadSize is < 0 or > MaxPayload)
        {
            TargetEndpoint.Fail(result, $"UDP payload of {request.PayloadSize} bytes is not 0-{MaxPayload}");
            return Task.CompletedTask;
        }

        return AttemptSchedule.RunAsync(
            request, result, _time, (i, token) => ExchangeAsync(request, endpoint, i, token), cancellationToken);
    }

    private async Task<AttemptOutcome> ExchangeAsync(ProbeRequest request, IPEndPoint endpoint, int sequence, CancellationToken cancellationToken)
    {
        Socket socket;
        try
        {
            socket = await request.Sockets.CreateAsync(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return AttemptOutcome.Failed(ProbeResult.Types.Verdict.Error, $"cannot open a UDP socket in {request.Sockets.Description}: {e.Message}");
        }

        // One socket per attempt: an ICMP error is reported once, to the socket whose datagram caused it.
        using (socket)
        {
            // Raw numbers: .NET translates its own option names and knows no RECVERR.
            ReadOnlySpan<byte> on = [1, 0, 0, 0];
            if (endpoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.SetRawSocketOption(SocketOptionNames.IpProtoIpv6, SocketOptionNames.Ipv6RecvErr, on);
            }
            else
            {
                socket.SetRawSocketOption(SocketOptionNames.IpProtoIp, SocketOptionNames.IpRecvErr, on);
            }

            var payload = Payload(request.PayloadSize, sequence);
            var buffer = new byte[Math.Max(payload.Length, 1500)];
            using var deadline = AttemptSchedule.Deadline(request.Timeout, cancellationToken);
            try
            {
                await socket.ConnectAsync(endpoint, deadline.Token);
                var started = _time.GetTimestamp();
                await socket.SendAsync(payload, SocketFlags.None, deadline.Token);
                await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
                return AttemptOutcome.Answered(_time.GetElapsedTime(started));
            }
            catch (SocketException e)
            {
                var (verdict, why) = SocketErrors.Classify(e.SocketErrorCode);
                return AttemptOutcome.Failed(verdict, why);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return AttemptOutcome.TimedOut;
            }
        }
    }

    // Recognisable in a capture: "netm" and the attempt number, then a counting pattern.
    private static byte[] Payload(int size, int sequence)
    {
        var payload = new byte[size];
        "netm"u8[..Math.Min(4, size)].CopyTo(payload);
        for (var i = 4; i < size; i++)
        {
            payload[i] = (byte)(i == 4 ? sequence : i);
        }

        return payload;
    }
}
