using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Hosting;

/// <summary>A snapshot of everything the collector counted since it started.</summary>
public sealed record CollectorStatistics
{
    /// <summary>Datagrams read from the sockets.</summary>
    public long DatagramsReceived { get; init; }

    /// <summary>Bytes read from the sockets.</summary>
    public long BytesReceived { get; init; }

    /// <summary>Datagrams decoded whole.</summary>
    public long DatagramsDecoded { get; init; }

    /// <summary>Datagrams rejected as malformed.</summary>
    public long DatagramsMalformed { get; init; }

    /// <summary>Malformed datagrams by reason.</summary>
    public IReadOnlyDictionary<SFlowErrorCode, long> MalformedByReason { get; init; } = new Dictionary<SFlowErrorCode, long>();

    /// <summary>Datagrams dropped because they were larger than the configured maximum.</summary>
    public long DroppedOversize { get; init; }

    /// <summary>Datagrams the kernel dropped because a socket receive buffer was full.</summary>
    public long DroppedSocketBuffer { get; init; }

    /// <summary>All dropped datagrams.</summary>
    public long DatagramsDropped => DroppedOversize + DroppedSocketBuffer;

    /// <summary>Datagrams that failed with an internal error (a bug), decoded no further.</summary>
    public long InternalErrors { get; init; }

    /// <summary>Samples by type.</summary>
    public IReadOnlyDictionary<SFlowSampleType, long> Samples { get; init; } = new Dictionary<SFlowSampleType, long>();

    /// <summary>Flow records handed to the sink.</summary>
    public long FlowRecords { get; init; }

    /// <summary>Counter records handed to the sink.</summary>
    public long CounterRecords { get; init; }

    /// <summary>
    /// Datagrams missing from the agents' sequences, over all agents: gaps not filled later by late datagrams. They were
    /// lost on the way, or dropped here (they are then in <see cref="DatagramsDropped"/> too).
    /// </summary>
    public long LostDatagrams { get; init; }

    /// <summary>Samples lost on the way, from per-source sequence gaps, over all agents.</summary>
    public long LostSamples { get; init; }

    /// <summary>Agent restarts seen.</summary>
    public long AgentRestarts { get; init; }

    /// <summary>Agent streams followed.</summary>
    public int Agents { get; init; }

    /// <summary>Bytes waiting in the queues between receive loops and decode workers.</summary>
    public long QueuedBytes { get; init; }

    /// <summary>Datagrams waiting in those queues.</summary>
    public long QueuedDatagrams { get; init; }

    /// <summary>Times a receive loop found its queue full and stopped receiving until its worker caught up.</summary>
    public long BackpressureEvents { get; init; }

    /// <summary>Time the receive loops spent stopped that way, in seconds summed over the loops.</summary>
    public double ReceivePausedSeconds { get; init; }

    /// <summary>recvmmsg failures other than timeouts.</summary>
    public long ReceiveErrors { get; init; }

    /// <summary>Records the sink failed to take.</summary>
    public long SinkFailures { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"received {DatagramsReceived} datagrams: {DatagramsDecoded} decoded, {DatagramsMalformed} malformed, " +
        $"{DatagramsDropped} dropped (oversize {DroppedOversize}, socket buffer {DroppedSocketBuffer}); " +
        $"{FlowRecords} flow and {CounterRecords} counter records; sequence gaps: {LostDatagrams} datagrams and {LostSamples} samples missing (lost on the way or dropped here); " +
        $"{Agents} agents, {AgentRestarts} restarts";
}
