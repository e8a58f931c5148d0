using System.Runtime.InteropServices;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// Looks at and signals processes that are not netm's children (the dev cluster's daemons outlive the netm that
/// started them), by PID through /proc and <c>kill(2)</c>, which .NET offers no API for beyond SIGKILL.
/// </summary>
internal static partial class LinuxProcess
{
    /// <summary>SIGTERM: the request to shut down cleanly.</summary>
    public const int Terminate = 15;

    /// <summary>SIGKILL: for a process that ignored <see cref="Terminate"/>.</summary>
    public const int Kill = 9;

    private const int NoSuchProcess = 3;

    /// <summary>
    /// The process's arguments as it was started, from /proc/PID/cmdline; null when there is no such process or it has
    /// exited (a zombie's command line is empty).
    /// </summary>
    public static string[]? CommandLine(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }

        return text.Length == 0 ? null : text.TrimEnd('\0').Split('\0');
    }

    /// <summary>The PIDs of every process there is now.</summary>
    public static IReadOnlyList<int> All() =>
        Directory.EnumerateDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .ToList();

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; a process that is gone already is not an error.</summary>
    public static void Signal(int pid, int signal)
    {
        if (SendSignal(pid, signal) != 0 && Marshal.GetLastPInvokeError() is var errno && errno != NoSuchProcess)
        {
            throw new DevClusterException($"kill({pid}, {signal}) failed: errno {errno}.");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
