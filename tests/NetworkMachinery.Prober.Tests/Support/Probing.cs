using System.Net;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Namespaces;
using NetworkMachinery.Prober.Probes;

namespace NetworkMachinery.Prober.Tests.Support;

/// <summary>
/// Runs one probe from a pod and returns its result. The timeout defaults to a generous 5 s: an answer that a loaded
/// machine delays still counts, and only the tests that expect silence wait for it, with a short timeout of their own.
/// </summary>
internal static class Probing
{
    public static async Task<ProbeResult> RunAsync(
        ITargetProbe probe, ISocketFactory sockets, IPAddress address, int port = 0, int count = 1,
        TimeSpan? interval = null, TimeSpan? timeout = null, int payloadSize = 56)
    {
        var request = new ProbeRequest
        {
            Sockets = sockets,
            Target = new ProbeResult.Types.Destination
            {
                Kind = ProbeResult.Types.Destination.Types.Kind.Ip,
                Name = address.ToString(),
                Address = address.ToString(),
                Port = (uint)port,
            },
            Count = count,
            Interval = interval ?? TimeSpan.FromMilliseconds(100),
            Timeout = timeout ?? TimeSpan.FromSeconds(5),
            PayloadSize = payloadSize,
        };
        var result = new ProbeResult();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await probe.RunAsync(request, result, guard.Token);
        return result;
    }
}
