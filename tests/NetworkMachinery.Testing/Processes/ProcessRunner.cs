namespace NetworkMachinery.Testing.Processes;

/// <summary>Runs a command to completion with a timeout and returns what it printed.</summary>
public static class ProcessRunner
{
    // A command that started a daemon may leave the daemon holding the output pipe; don't wait for it forever.
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(5);

    /// <summary>Runs a command with the default options; throws <see cref="ProcessFailedException"/> unless it exits with 0.</summary>
    public static Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        RunAsync(fileName, arguments, null, cancellationToken);

    /// <summary>
    /// Runs a command. It is killed (with its children) when it outlives <see cref="ProcessOptions.Timeout"/>, and a
    /// <see cref="ProcessFailedException"/> carrying its stderr is thrown; so is one for a non-zero exit code unless
    /// <see cref="ProcessOptions.ThrowOnFailure"/> is false.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, ProcessOptions? options, CancellationToken cancellationToken = default)
    {
        options ??= new ProcessOptions();
        var argumentList = arguments.ToList();
        var commandLine = CommandLine.Format(fileName, argumentList);
        using var process = ProcessLauncher.Start(fileName, argumentList, options.Environment);
        var stdout = new OutputPump(process.StandardOutput);
        var stderr = new OutputPump(process.StandardError);
        if (options.StandardInput is not null)
        {
            await process.StandardInput.WriteAsync(options.StandardInput);
        }

        process.StandardInput.Close();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new ProcessFailedException(await CollectAsync(commandLine, process.ExitCode, stdout, stderr), options.Timeout);
        }

        var result = await CollectAsync(commandLine, process.ExitCode, stdout, stderr);
        if (options.ThrowOnFailure && !result.Succeeded)
        {
            throw new ProcessFailedException(result);
        }

        return result;
    }

    internal static async Task<ProcessResult> CollectAsync(string commandLine, int exitCode, OutputPump stdout, OutputPump stderr)
    {
        try
        {
            await Task.WhenAll(stdout.Completion, stderr.Completion).WaitAsync(OutputGrace);
        }
        catch (TimeoutException)
        {
            // A background child still holds the pipe: what arrived so far is all there is to report.
        }

        return new ProcessResult(commandLine, exitCode, stdout.Text, stderr.Text);
    }
}
