using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Testing.Kafka;

/// <summary>
/// Starts one of the fixture's two JVMs, ZooKeeper or the broker, from the distribution's script. The scripts exec
/// java, so the server's PID is the JVM's. It logs into a file of its own, appended to across restarts.
/// </summary>
internal static class JavaServer
{
    /// <summary>
    /// Starts <paramref name="script"/> with <paramref name="configFile"/>, logging at INFO into
    /// <c><paramref name="directory"/>/<paramref name="name"/>.log</c>; <paramref name="name"/> ("zookeeper" or
    /// "kafka") also names the server in messages.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(
        KafkaDistribution distribution, string name, string script, string configFile, string heap, string directory, CancellationToken cancellationToken)
    {
        var logFile = Path.Combine(directory, $"{name}.log");
        var log4j = Path.Combine(directory, $"{name}-log4j.properties");
        await File.WriteAllTextAsync(
            log4j,
            $"""
            log4j.rootLogger=INFO, file
            log4j.appender.file=org.apache.log4j.FileAppender
            log4j.appender.file.File={logFile}
            log4j.appender.file.Append=true
            log4j.appender.file.layout=org.apache.log4j.PatternLayout
            log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
            """,
            cancellationToken);
        return ServerProcess.Start(
            name,
            distribution.Script(script),
            [configFile],
            KafkaDistribution.Environment(heap, KafkaDistribution.ServerJvmOptions, directory, log4j),
            logFile);
    }
}
