namespace NetworkMachinery.Benchmarks.Pipeline;

/// <summary>Everything one step measured: what each stage of the pipeline took in, passed on and lost, and what it cost.</summary>
internal sealed record StepResult
{
    public required BusKind Bus { get; init; }

    public required int TargetRate { get; init; }

    /// <summary>1 for the first run of the step, more for reruns of a disturbed one.</summary>
    public required int Attempt { get; init; }

    // The sender (netm replay).
    public required long Sent { get; init; }

    public required double AchievedRate { get; init; }

    public required double ReplaySeconds { get; init; }

    public required double SenderStalledSeconds { get; init; }

    public required long FlowSamplesSent { get; init; }

    public required long CounterSamplesSent { get; init; }

    // The collector.
    public required long DatagramsReceived { get; init; }

    public required long DatagramsDecoded { get; init; }

    public required long DatagramsMalformed { get; init; }

    /// <summary>Dropped by the kernel at the collector's sockets (receive buffer full).</summary>
    public required long SocketDrops { get; init; }

    public required long FlowRecords { get; init; }

    public required long CounterRecords { get; init; }

    // The exporter.
    public required long FlowsQueued { get; init; }

    public required long CountersQueued { get; init; }

    /// <summary>Records dropped because the export queue was full.</summary>
    public required long ExportDropped { get; init; }

    public required long ExportWorkerWaits { get; init; }

    public required long PeakExportQueueRecords { get; init; }

    // The producer.
    public required long MessagesProduced { get; init; }

    public required long MessagesDelivered { get; init; }

    public required long DeliveryFailures { get; init; }

    /// <summary>Times the producer's queue was full and the exporter waited.</summary>
    public required long ProducerQueueFull { get; init; }

    // The consumer group.
    public required long MessagesReceived { get; init; }

    public required long Duplicates { get; init; }

    public required long DeadLettered { get; init; }

    public required long FlowsConsumed { get; init; }

    public required long CountersConsumed { get; init; }

    /// <summary>Flow records consumed per second, from the first record consumed to the last.</summary>
    public required double ConsumedFlowsPerSecond { get; init; }

    /// <summary>The most records exported and not yet consumed, sampled 4 times a second.</summary>
    public required long PeakLagRecords { get; init; }

    /// <summary>From the replayer's end to the last record consumed.</summary>
    public required double DrainSeconds { get; init; }

    public required bool DrainTimedOut { get; init; }

    /// <summary>From the collector's receipt of a datagram to the consumer's handling of its flows message, in ms.</summary>
    public required double? LatencyP50Ms { get; init; }

    public required double? LatencyP99Ms { get; init; }

    public required double? LatencyMaxMs { get; init; }

    public required CpuUsage Cpu { get; init; }

    /// <summary>Why the step is not lossless, or does not keep up; empty when it does both.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>Every record the collector produced was consumed, and nothing was dropped anywhere.</summary>
    public required bool Lossless { get; init; }

    /// <summary>The consumer had everything within the allowed lag of the sender's end.</summary>
    public required bool KeptUp { get; init; }

    /// <summary>The sender fell more than 2 % short of the target rate: the step tested the rate it reached.</summary>
    public bool SenderLimited => AchievedRate < 0.98 * TargetRate;

    /// <summary>Lossless and kept up: the pipeline sustained the rate.</summary>
    public bool Sustained => Lossless && KeptUp;

    /// <summary>Flow records per second the sender offered (and, in a lossless step, the consumer got).</summary>
    public double FlowRecordsPerSecond => ReplaySeconds > 0 ? FlowRecords / ReplaySeconds : 0;
}
