namespace NetworkMachinery.Bus.Kafka;

/// <summary>
/// Where the Kafka cluster is and how to talk to it. The defaults suit a current cluster; <see cref="Properties"/>
/// passes any librdkafka property through (applied last, so it wins), which is how an old broker gets the settings
/// it needs rather than the code growing a path for it.
/// </summary>
public sealed record KafkaSettings
{
    /// <summary>host:port[,host:port...] of one or more brokers.</summary>
    public required string BootstrapServers { get; init; }

    /// <summary>librdkafka properties (https://github.com/confluentinc/librdkafka/blob/master/CONFIGURATION.md).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>Messages a producer may hold queued or in flight before producing finds it full.</summary>
    public int ProducerQueueMessages { get; init; } = 100_000;

    /// <summary>The producer's configuration: durable (acks=all, idempotent), batched (5 ms linger, lz4), bounded.</summary>
    internal Dictionary<string, string> ProducerConfig(string clientId) => Merge(new Dictionary<string, string>
    {
        ["client.id"] = clientId,
        ["acks"] = "all",
        ["enable.idempotence"] = "true",
        ["linger.ms"] = "5",
        ["compression.type"] = "lz4",
        ["queue.buffering.max.messages"] = ProducerQueueMessages.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["reconnect.backoff.ms"] = "100",
        ["reconnect.backoff.max.ms"] = "10000",
    });

    /// <summary>
    /// A consumer's configuration: offsets stored only after the handler finished and committed in the background
    /// (at-least-once), reading a new group's topics from the start, cooperative rebalancing.
    /// </summary>
    internal Dictionary<string, string> ConsumerConfig(string clientId, string groupId) => Merge(new Dictionary<string, string>
    {
        ["client.id"] = clientId,
        ["group.id"] = groupId,
        ["enable.auto.commit"] = "true",
        ["enable.auto.offset.store"] = "false",
        ["auto.commit.interval.ms"] = "1000",
        ["auto.offset.reset"] = "earliest",
        ["partition.assignment.strategy"] = "cooperative-sticky",
        ["reconnect.backoff.ms"] = "100",
        ["reconnect.backoff.max.ms"] = "10000",
    });

    private Dictionary<string, string> Merge(Dictionary<string, string> defaults)
    {
        defaults["bootstrap.servers"] = BootstrapServers;
        foreach (var (key, value) in Properties)
        {
            defaults[key] = value;
        }

        return defaults;
    }
}
