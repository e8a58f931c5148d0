using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Namespaces;

namespace NetworkMachinery.Prober.Probes;

/// <summary>What one probe of one target needs: where its sockets come from, the target, and the task's timing.</summary>
public sealed record ProbeRequest
{
    /// <summary>Creates the probe's sockets in the source's network namespace (or the host's).</summary>
    public required ISocketFactory Sockets { get; init; }

    /// <summary>The target to probe, as the operator resolved it.</summary>
    public required ProbeResult.Types.Destination Target { get; init; }

    /// <summary>Attempts to make (echoes, connects, datagrams, requests, queries); at least 1.</summary>
    public int Count { get; init; } = 1;

    /// <summary>The pause between the start of one attempt and the next.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for each attempt's answer.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Bytes of payload per ICMP echo request or UDP datagram.</summary>
    public int PayloadSize { get; init; } = 56;

    /// <summary>
    /// The resolv.conf of the source, for DNS probes and for HTTP targets given by name; <c>null</c> reads
    /// <c>/etc/resolv.conf</c>.
    /// </summary>
    public string? ResolvConfPath { get; init; }
}
