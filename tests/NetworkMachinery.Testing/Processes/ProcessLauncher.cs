using System.ComponentModel;
using System.Diagnostics;

namespace NetworkMachinery.Testing.Processes;

/// <summary>Starts a process with all three standard streams redirected, and explains a missing program.</summary>
internal static class ProcessLauncher
{
    public static Process Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        try
        {
            return Process.Start(startInfo)
                ?? throw new InvalidOperationException($"'{fileName}' did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Could not start '{fileName}' ({e.Message}). Install the test dependencies with scripts/install-deps.sh (as root).", e);
        }
    }
}
