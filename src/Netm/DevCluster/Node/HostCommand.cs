using System.ComponentModel;
using System.Diagnostics;

namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>Runs the host's tools (ip, iptables, ctr) and reports their failures with the command and its output.</summary>
internal static class HostCommand
{
    /// <summary>The exit code and output of one run.</summary>
    /// <param name="ExitCode">The exit code.</param>
    /// <param name="Output">stdout.</param>
    /// <param name="Error">stderr.</param>
    internal sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <summary>True when the exit code is 0.</summary>
        public bool Succeeded => ExitCode == 0;
    }

    /// <summary>Runs the command and returns what it did, whatever its exit code.</summary>
    /// <exception cref="DevClusterException">The program is not installed.</exception>
    public static async Task<Result> TryRunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new DevClusterException($"{program} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new DevClusterException($"{program} did not start ({e.Message}): run scripts/install-deps.sh, which installs what the dev cluster's node needs.", e);
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return new Result(process.ExitCode, await output, await error);
        }
    }

    /// <summary>Runs the command and returns its stdout.</summary>
    /// <exception cref="DevClusterException">It failed; the message holds the command and its stderr.</exception>
    public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var result = await TryRunAsync(program, arguments, cancellationToken);
        return result.Succeeded
            ? result.Output
            : throw new DevClusterException($"`{program} {string.Join(' ', arguments)}` failed with exit code {result.ExitCode}: {result.Error.Trim()}");
    }
}
