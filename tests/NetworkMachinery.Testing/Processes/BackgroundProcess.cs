using System.Diagnostics;
using NetworkMachinery.Testing.Polling;

namespace NetworkMachinery.Testing.Processes;

/// <summary>
/// A process that runs while the test does something else: its output is collected as it arrives, and it is
/// stopped by its PID (or its own process group, when it was started in one).
/// </summary>
public sealed class BackgroundProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly OutputPump _stdout;
    private readonly OutputPump _stderr;
    private readonly bool _ownsGroup;

    private BackgroundProcess(Process process, string commandLine, bool ownsGroup)
    {
        _process = process;
        _stdout = new OutputPump(process.StandardOutput);
        _stderr = new OutputPump(process.StandardError);
        _ownsGroup = ownsGroup;
        CommandLine = commandLine;
        process.StandardInput.Close();
    }

    /// <summary>The process id (also the process group id when it was started in a new group).</summary>
    public int Id => _process.Id;

    /// <summary>The command, for messages.</summary>
    public string CommandLine { get; }

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote to stdout so far.</summary>
    public string StandardOutput => _stdout.Text;

    /// <summary>Everything the process wrote to stderr so far.</summary>
    public string StandardError => _stderr.Text;

    /// <summary>Starts a process with stdin closed and stdout and stderr collected.</summary>
    public static BackgroundProcess Start(string fileName, IEnumerable<string> arguments, BackgroundProcessOptions? options = null)
    {
        options ??= new BackgroundProcessOptions();
        var argumentList = arguments.ToList();
        var commandLine = Processes.CommandLine.Format(fileName, argumentList);

        // setsid execs the command in place (a child of .NET is never a group leader, so setsid need not fork): the PID
        // we get is the command's, and it leads a new process group of the same id.
        var process = options.NewProcessGroup
            ? ProcessLauncher.Start("setsid", argumentList.Prepend(fileName), options.Environment)
            : ProcessLauncher.Start(fileName, argumentList, options.Environment);
        return new BackgroundProcess(process, commandLine, options.NewProcessGroup);
    }

    /// <summary>
    /// Waits until the process prints <paramref name="text"/> on stdout or stderr. Throws when the process exits first
    /// or <paramref name="timeout"/> passes, with what it printed.
    /// </summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await Poll.UntilAsync(() => Printed(text) || _process.HasExited, timeout, cancellationToken);
        if (Printed(text))
        {
            return;
        }

        if (_process.HasExited)
        {
            var result = await ProcessRunner.CollectAsync(CommandLine, _process.ExitCode, _stdout, _stderr);
            throw new ProcessFailedException(result with { CommandLine = $"{CommandLine} (exited before printing '{text}')" });
        }

        throw new TimeoutException(
            $"'{CommandLine}' did not print '{text}' within {timeout.TotalSeconds:0.#} s.\nstderr: {StandardError.Trim()}");
    }

    /// <summary>Waits for the process to exit by itself; throws <see cref="TimeoutException"/> when it does not in time.</summary>
    public async Task<ProcessResult> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"'{CommandLine}' did not exit within {timeout.TotalSeconds:0.#} s.\nstderr: {StandardError.Trim()}");
        }

        return await ProcessRunner.CollectAsync(CommandLine, _process.ExitCode, _stdout, _stderr);
    }

    /// <summary>
    /// Stops the process: sends <paramref name="signal"/> (to its group when it leads one we created), waits up to
    /// <paramref name="grace"/>, then sends SIGKILL. Returns how it ended; safe to call after it exited.
    /// </summary>
    public async Task<ProcessResult> StopAsync(UnixSignal signal = UnixSignal.Terminate, TimeSpan? grace = null)
    {
        var wait = grace ?? DefaultGrace;
        if (_ownsGroup)
        {
            await ProcessIds.StopGroupAsync(Id, signal, wait);
        }
        else if (!_process.HasExited)
        {
            ProcessIds.Signal(Id, signal);
            if (!await Poll.UntilAsync(() => _process.HasExited, wait))
            {
                _process.Kill();
            }
        }

        await _process.WaitForExitAsync();
        return await ProcessRunner.CollectAsync(CommandLine, _process.ExitCode, _stdout, _stderr);
    }

    /// <summary>Stops the process if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private bool Printed(string text) => _stdout.Contains(text) || _stderr.Contains(text);
}
