namespace NetworkMachinery.Alerting.Pipeline;

/// <summary>How the alerting pipeline reads the streams and how often it closes windows.</summary>
public sealed record AlertingOptions
{
    /// <summary>
    /// How often the engine is advanced (windows closed, thresholds judged). A quarter second keeps the time from a
    /// datagram to its event well under the 2 s budget while costing nothing measurable when idle.
    /// </summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Bus messages (each a datagram's records) waiting for the engine; when full, the consumers wait, so a burst
    /// slows consumption on the bus instead of growing memory.
    /// </summary>
    public int QueueCapacity { get; init; } = 8192;

    /// <summary>The prefix of the consumer groups on the bus (one group per input topic).</summary>
    public string GroupPrefix { get; init; } = "netm-alerting";
}
