using NetworkMachinery.Collector.Ingest;

namespace NetworkMachinery.Collector.Hosting;

/// <summary>Settings of an <see cref="SFlowCollector"/>; the defaults suit a standalone collector.</summary>
public sealed record CollectorOptions
{
    /// <summary>Where and how to receive datagrams.</summary>
    public SocketOptions Socket { get; init; } = new();

    /// <summary>Agent streams (agent address and sub-agent) followed for sequence accounting and per-agent metrics.</summary>
    public int MaxAgents { get; init; } = 10_000;

    /// <summary>
    /// The least time to send the collector's own receive and decode path sample datagrams at start, before binding
    /// its sockets, so that the code is compiled before traffic arrives. Zero skips the warm-up.
    /// </summary>
    public TimeSpan WarmupTime { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The most time the warm-up may take: past <see cref="WarmupTime"/> it goes on while the JIT is still compiling
    /// (re-compiling hot code with profile data takes several rounds, and longer on a busy machine).
    /// </summary>
    public TimeSpan WarmupLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>At most one malformed datagram is logged per this interval; all are counted.</summary>
    public TimeSpan MalformedLogInterval { get; init; } = TimeSpan.FromSeconds(1);
}
