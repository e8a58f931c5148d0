using System.Diagnostics;
using System.Text;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Testing.Kafka;

/// <summary>
/// One of the fixture's two JVMs, ZooKeeper or the broker, started from the distribution's script. The scripts exec
/// java, so the PID is the JVM's; it leads a process group of its own, and the whole group is stopped. It logs into a
/// file of its own, appended to across restarts, whose tail explains a failed start.
/// </summary>
internal sealed class JavaServer : IAsyncDisposable
{
    private const int TailLines = 40;
    private static readonly TimeSpan ReadyInterval = TimeSpan.FromMilliseconds(250);

    private readonly BackgroundProcess _process;

    private JavaServer(string name, BackgroundProcess process, string logFile)
    {
        Name = name;
        _process = process;
        LogFile = logFile;
    }

    /// <summary>"zookeeper" or "kafka", for messages and file names.</summary>
    public string Name { get; }

    /// <summary>The JVM's PID, which is also its process group id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The server's log4j log.</summary>
    public string LogFile { get; }

    /// <summary>
    /// Starts <paramref name="script"/> with <paramref name="configFile"/>, logging at INFO into
    /// <c><paramref name="directory"/>/<paramref name="name"/>.log</c>.
    /// </summary>
    public static async Task<JavaServer> StartAsync(
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
        var process = BackgroundProcess.Start(distribution.Script(script), [configFile], new BackgroundProcessOptions
        {
            NewProcessGroup = true,
            Environment = KafkaDistribution.Environment(heap, KafkaDistribution.ServerJvmOptions, directory, log4j),
        });
        return new JavaServer(name, process, logFile);
    }

    /// <summary>
    /// Checks <paramref name="ready"/> until it holds; returns how long the server took since <paramref name="started"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The server exited or <paramref name="timeout"/> passed first; the message holds the tail of its log.
    /// </exception>
    public async Task<TimeSpan> WaitUntilAsync(Func<Task<bool>> ready, string what, long started, TimeSpan timeout, CancellationToken cancellationToken)
    {
        while (!await ready())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited before it {what}.\n{Describe()}");
            }

            if (Stopwatch.GetElapsedTime(started) >= timeout)
            {
                throw new InvalidOperationException($"{Name} did not {what} within {timeout.TotalSeconds:0} s.\n{Describe()}");
            }

            await Task.Delay(ReadyInterval, cancellationToken);
        }

        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>SIGTERM to the group, SIGKILL after <paramref name="grace"/>; returns once every process of the group is gone.</summary>
    public Task StopAsync(TimeSpan grace) => _process.StopAsync(UnixSignal.Terminate, grace);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private string Describe()
    {
        var text = new StringBuilder();
        text.Append($"Command: {_process.CommandLine}");
        if (_process.HasExited)
        {
            text.Append(" (exited)");
        }

        text.Append($"\nLast lines of {LogFile}:\n");
        text.Append(File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(TailLines)) : "(no log written)");
        foreach (var (stream, output) in new[] { ("stderr", _process.StandardError), ("stdout", _process.StandardOutput) })
        {
            if (output.Trim() is { Length: > 0 } trimmed)
            {
                text.Append($"\n{stream}: {trimmed}");
            }
        }

        return text.ToString();
    }
}
