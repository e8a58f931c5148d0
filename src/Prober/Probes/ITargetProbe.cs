using NetworkMachinery.Contracts;

namespace NetworkMachinery.Prober.Probes;

/// <summary>
/// One kind of probe (ICMP echo, TCP connect, UDP, HTTP(S), DNS, path MTU) run against one target of a task. The
/// runner picks the probe by the task's layer and the target's protocol, gives it the sockets of the source's network
/// namespace, and sends what it fills in as the target's <see cref="ProbeResult"/>.
/// </summary>
public interface ITargetProbe
{
    /// <summary>The probe type this probe reports in <see cref="ProbeResult.ProbeType"/>.</summary>
    ProbeResult.Types.ProbeType Type { get; }

    /// <summary>
    /// Runs <paramref name="request"/>'s attempts and fills <paramref name="result"/>'s verdict, error reason, counts,
    /// round-trip times and probe-specific fields (<c>http</c>, <c>dns</c>, <c>path_mtu</c>). The caller has filled
    /// the test, run, source and destination, and the start and finish times. Never throws for what the network does
    /// (refusals, timeouts, unreachable destinations, names that do not resolve): those are verdicts. Throws only
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task RunAsync(ProbeRequest request, ProbeResult result, CancellationToken cancellationToken);
}
