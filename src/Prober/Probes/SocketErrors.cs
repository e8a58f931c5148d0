using System.Net.Sockets;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Prober.Probes;

/// <summary>
/// Turns what a socket reported into a verdict and a reason people recognise, so that every probe kind (TCP connect,
/// UDP, the connect of an HTTP request) tells refused, unreachable and silent paths apart the same way.
/// </summary>
public static class SocketErrors
{
    /// <summary>The verdict and reason for a failed socket operation.</summary>
    public static (ProbeResult.Types.Verdict Verdict, string Reason) Classify(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => (ProbeResult.Types.Verdict.Refused, "connection refused"),
        SocketError.ConnectionReset => (ProbeResult.Types.Verdict.Refused, "connection reset"),
        SocketError.HostUnreachable => (ProbeResult.Types.Verdict.Unreachable, "host unreachable"),
        SocketError.NetworkUnreachable => (ProbeResult.Types.Verdict.Unreachable, "network unreachable"),
        SocketError.NetworkDown => (ProbeResult.Types.Verdict.Unreachable, "network down"),
        SocketError.AccessDenied => (ProbeResult.Types.Verdict.Unreachable, "administratively prohibited"),
        SocketError.TimedOut => (ProbeResult.Types.Verdict.Timeout, "timed out"),
        SocketError.AddressNotAvailable => (ProbeResult.Types.Verdict.Error, "no local address to send from"),
        _ => (ProbeResult.Types.Verdict.Error, $"socket error {error}"),
    };

    /// <summary>The reason for a probe whose attempts all went unanswered within <paramref name="timeout"/>.</summary>
    public static string NoReply(TimeSpan timeout) => $"no reply within {FormatDuration(timeout)}";

    /// <summary>A duration as people write it: <c>1s</c>, <c>250ms</c>, <c>1.5s</c>.</summary>
    public static string FormatDuration(TimeSpan duration) => duration.TotalSeconds >= 1
        ? $"{duration.TotalSeconds:0.###}s"
        : $"{duration.TotalMilliseconds:0.###}ms";
}
