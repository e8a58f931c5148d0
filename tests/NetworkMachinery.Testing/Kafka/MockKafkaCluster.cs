using Confluent.Kafka;

namespace NetworkMachinery.Testing.Kafka;

/// <summary>
/// librdkafka's built-in mock cluster: three brokers in this process, listening on loopback ports, that speak the
/// current protocol. The tests use it for what the real 0.9 broker lacks and the bus relies on, above all the
/// idempotent producer its defaults turn on, so that the production defaults run unchanged against it.
/// </summary>
/// <remarks>
/// The cluster lives as long as the client that created it (<c>test.mock.num.brokers</c>); other clients reach it
/// through <see cref="BootstrapServers"/> like any cluster. It keeps everything in memory and is gone after dispose.
/// </remarks>
public sealed class MockKafkaCluster : IDisposable
{
    private const int Brokers = 3;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly IProducer<byte[], byte[]> _owner;
    private readonly IAdminClient _admin;

    /// <summary>Starts the mock cluster and learns its brokers' addresses.</summary>
    public MockKafkaCluster()
    {
        _owner = new ProducerBuilder<byte[], byte[]>(new Dictionary<string, string>
        {
            ["test.mock.num.brokers"] = Brokers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).SetLogHandler((_, _) => { }).Build();
        _admin = new DependentAdminClientBuilder(_owner.Handle).Build();
        var metadata = _admin.GetMetadata(Timeout);
        BootstrapServers = string.Join(',', metadata.Brokers.Select(broker => $"{broker.Host}:{broker.Port}"));
    }

    /// <summary>host:port of every mock broker, for <c>bootstrap.servers</c>.</summary>
    public string BootstrapServers { get; }

    /// <summary>
    /// Creates a topic and returns its partition count. The mock cluster times out CreateTopics requests (it names no
    /// controller) but creates a topic, with 4 partitions, when a client asks for its metadata: that is what this does.
    /// </summary>
    public int CreateTopic(string name)
    {
        var topic = _admin.GetMetadata(name, Timeout).Topics.Single();
        return topic.Error.IsError ? throw new KafkaException(topic.Error) : topic.Partitions.Count;
    }

    /// <summary>Shuts the cluster down with the client that owns it.</summary>
    public void Dispose()
    {
        _admin.Dispose();
        _owner.Dispose();
    }
}
