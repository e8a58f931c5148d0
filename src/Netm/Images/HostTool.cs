using System.ComponentModel;
using System.Diagnostics;

namespace NetworkMachinery.Netm.Images;

/// <summary>Runs the host's tools that image builds need (gcc, ldd, dotnet, ctr) and returns what they print.</summary>
internal static class HostTool
{
    /// <summary>
    /// Runs <paramref name="fileName"/> to completion and returns its stdout.
    /// </summary>
    /// <exception cref="ImageException">The tool is not installed (the message names <paramref name="installHint"/>) or exited with non-zero (the message carries its output).</exception>
    public static async Task<string> RunAsync(
        string fileName, IEnumerable<string> arguments, string installHint, CancellationToken cancellationToken, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var commandLine = string.Join(' ', start.ArgumentList.Prepend(fileName));
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ImageException($"{fileName} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new ImageException($"{fileName} is not installed ({e.Message}): {installHint}.", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var output = await stdout;
            var errors = await stderr;
            if (process.ExitCode != 0)
            {
                throw new ImageException($"`{commandLine}` failed with exit code {process.ExitCode}:\n{(errors + output).Trim()}");
            }

            return output;
        }
    }
}
