using System.Globalization;
using System.Net;
using NetworkMachinery.Testing.Netns;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Testing.Traffic;

/// <summary>ICMP and ICMPv6 echo traffic from a namespace, with iputils' <c>ping</c>.</summary>
public static class Ping
{
    /// <summary>
    /// Sends <paramref name="count"/> echo requests, 0.2 s apart, to <paramref name="destination"/> (ICMPv6 for an IPv6
    /// address). Throws unless every request was answered; gives up after a deadline that grows with the count.
    /// </summary>
    public static Task<ProcessResult> RunAsync(
        NetworkNamespace source, IPAddress destination, int count = 3, CancellationToken cancellationToken = default)
    {
        var deadlineSeconds = 5 + (count / 5);
        return source.ExecAsync(
            "ping",
            [
                "-n", "-q", "-c", count.ToString(CultureInfo.InvariantCulture), "-i", "0.2", "-W", "2",
                "-w", deadlineSeconds.ToString(CultureInfo.InvariantCulture), destination.ToString(),
            ],
            new ProcessOptions { Timeout = TimeSpan.FromSeconds(deadlineSeconds + 10) },
            cancellationToken);
    }
}
