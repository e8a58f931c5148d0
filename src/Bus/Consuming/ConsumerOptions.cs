using NetworkMachinery.Bus.Messages;

namespace NetworkMachinery.Bus.Consuming;

/// <summary>What a consumer reads, who handles it, and what happens to messages that fail.</summary>
public sealed record ConsumerOptions
{
    /// <summary>
    /// The consumer group: every group gets every message of its topics once; the consumers of one group share them
    /// out (by partition on Kafka). Committed progress belongs to the group, so a restarted consumer resumes.
    /// </summary>
    public required string GroupId { get; init; }

    /// <summary>The topics to read.</summary>
    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>Handles each message.</summary>
    public required IMessageHandler Handler { get; init; }

    /// <summary>
    /// What identifies a message within its key's stream, or null when nothing does. For flows and counters it is the
    /// sFlow datagram's sequence number with the agent's uptime (so that an agent that restarted and counts from 1
    /// again is not taken for a redelivery). A message whose (key, identity) was handled recently is skipped as a
    /// duplicate, which is what a redelivery after a rebalance is. Null: no filtering.
    /// </summary>
    public Func<ConsumedMessage, ulong?>? IdentityOf { get; init; }

    /// <summary>How many identities per key the duplicate filter remembers (the most recent ones).</summary>
    public int DuplicateWindow { get; init; } = 4096;

    /// <summary>Attempts at a message whose handler throws (other than <see cref="PoisonMessageException"/>) before it is dead-lettered.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The wait before the second attempt; it doubles for each further one.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Where messages that could not be handled go, wrapped with the reason.</summary>
    public required string DeadLetterTopic { get; init; }
}
