using System.Diagnostics;
using System.Text;

namespace NetworkMachinery.Testing.Processes;

/// <summary>
/// A server that a fixture starts (a JVM of the Kafka fixture, etcd, kube-apiserver): it leads a process group of its
/// own, and the whole group is stopped. A failed start is explained with the tail of the server's log file, when it
/// writes one, and of what it printed.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const int TailLines = 40;
    private static readonly TimeSpan ReadyInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    private readonly BackgroundProcess _process;

    private ServerProcess(string name, BackgroundProcess process, string? logFile)
    {
        Name = name;
        _process = process;
        LogFile = logFile;
    }

    /// <summary>The server's name for messages, e.g. "kafka" or "etcd".</summary>
    public string Name { get; }

    /// <summary>The PID, which is also the process group id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The log file the server writes, or null when what it prints is its log.</summary>
    public string? LogFile { get; }

    /// <summary>True once the server process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="fileName"/> as the leader of a new process group.</summary>
    public static ServerProcess Start(
        string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? logFile = null) =>
        new(name, BackgroundProcess.Start(fileName, arguments, new BackgroundProcessOptions { NewProcessGroup = true, Environment = environment }), logFile);

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

    /// <summary>
    /// Stops the server: SIGTERM to the group (a clean shutdown), SIGKILL after 30 s; returns once every process of the
    /// group is gone.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _process.StopAsync(UnixSignal.Terminate, StopGrace);
        await _process.DisposeAsync();
    }

    private static string Tail(IEnumerable<string> lines) => string.Join('\n', lines.TakeLast(TailLines));

    private string Describe()
    {
        var text = new StringBuilder();
        text.Append($"Command: {_process.CommandLine}");
        if (_process.HasExited)
        {
            text.Append(" (exited)");
        }

        if (LogFile is not null)
        {
            text.Append($"\nLast lines of {LogFile}:\n");
            text.Append(File.Exists(LogFile) ? Tail(File.ReadLines(LogFile)) : "(no log written)");
        }

        foreach (var (stream, output) in new[] { ("stderr", _process.StandardError), ("stdout", _process.StandardOutput) })
        {
            if (output.Trim() is { Length: > 0 } trimmed)
            {
                text.Append($"\nLast lines of its {stream}:\n{Tail(trimmed.Split('\n'))}");
            }
        }

        return text.ToString();
    }
}
