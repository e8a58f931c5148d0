using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Probes.Attempts;

namespace NetworkMachinery.Prober.Probes.Tcp;

/// <summary>
/// TCP connect: each attempt opens a connection from the source's namespace and closes it at once; the round trip is
/// the time to the accepted connection. A reset is Refused, an ICMP error Unreachable, silence Timeout.
/// </summary>
/// <param name="time">The clock for intervals and round trips; the system's by default.</param>
public sealed class TcpProbe(TimeProvider? time = null) : ITargetProbe
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public ProbeResult.Types.ProbeType Type => ProbeResult.Types.ProbeType.Tcp;

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

        return AttemptSchedule.RunAsync(
            request, result, _time, (_, token) => ConnectAsync(request, endpoint, token), cancellationToken);
    }

    private async Task<AttemptOutcome> ConnectAsync(ProbeRequest request, IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        Socket socket;
        try
        {
            socket = await request.Sockets.CreateAsync(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return AttemptOutcome.Failed(ProbeResult.Types.Verdict.Error, $"cannot open a TCP socket in {request.Sockets.Description}: {e.Message}");
        }

        using (socket)
        {
            // Close with a reset: a prober that connects thousands of times a second must not leave a TIME_WAIT
            // behind each connection, which would use up the source's ports.
            socket.LingerState = new LingerOption(enable: true, seconds: 0);
            using var deadline = AttemptSchedule.Deadline(request.Timeout, cancellationToken);
            var started = _time.GetTimestamp();
            try
            {
                await socket.ConnectAsync(endpoint, deadline.Token);
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
}
