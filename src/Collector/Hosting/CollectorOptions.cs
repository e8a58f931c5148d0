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
    /// How long to send the collector's own receive and decode path sample datagrams at start, before binding its
    /// sockets, so that the code is compiled before traffic arrives. Zero skips it.
    /// </summary>
    public TimeSpan WarmupTime { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>At most one malformed datagram is logged per this interval; all are counted.</summary>
    public TimeSpan MalformedLogInterval { get; init; } = TimeSpan.FromSeconds(1);
}
