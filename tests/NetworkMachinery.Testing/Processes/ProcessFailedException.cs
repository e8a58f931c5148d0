namespace NetworkMachinery.Testing.Processes;

/// <summary>A command exited with a non-zero code, or did not finish in time.</summary>
public sealed class ProcessFailedException : Exception
{
    /// <summary>Creates the exception for a finished command.</summary>
    public ProcessFailedException(ProcessResult result)
        : base(Describe(result))
    {
        Result = result;
    }

    /// <summary>Creates the exception for a command that was killed after its timeout.</summary>
    public ProcessFailedException(ProcessResult result, TimeSpan timeout)
        : base($"'{result.CommandLine}' did not finish within {timeout.TotalSeconds:0.#} s and was killed.{Tail(result)}")
    {
        Result = result;
    }

    /// <summary>What the command printed before it failed.</summary>
    public ProcessResult Result { get; }

    private static string Describe(ProcessResult result) =>
        $"'{result.CommandLine}' exited with code {result.ExitCode}.{Tail(result)}";

    private static string Tail(ProcessResult result)
    {
        var stderr = result.StandardError.Trim();
        var stdout = result.StandardOutput.Trim();
        return (stderr.Length > 0 ? $"\nstderr: {stderr}" : "") + (stdout.Length > 0 ? $"\nstdout: {stdout}" : "");
    }
}
