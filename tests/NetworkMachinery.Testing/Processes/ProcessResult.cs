namespace NetworkMachinery.Testing.Processes;

/// <summary>How a command ended and what it printed.</summary>
/// <param name="CommandLine">The command as a shell would show it, for messages.</param>
/// <param name="ExitCode">The exit code.</param>
/// <param name="StandardOutput">Everything written to stdout.</param>
/// <param name="StandardError">Everything written to stderr.</param>
public sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>True when the command exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
