using System.ComponentModel;
using System.Diagnostics;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// Starts a daemon that outlives netm: in a session (and process group) of its own, so that neither a Ctrl+C in
/// netm's terminal nor closing it reaches the daemon, with its stdin on /dev/null and its output appended to a log file,
/// so that it holds none of netm's pipes (a caller reading netm's output sees it end when netm exits).
/// </summary>
internal static class DetachedProcess
{
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    // sh sets up the streams, then execs setsid, which execs the program: three programs, one PID. setsid calls
    // setsid(2) in place, without forking, because a child of .NET never leads a process group; so the PID that .NET
    // reports is the daemon's, and it leads a new session and group of the same id.
    private const string Launcher = """log="$1"; shift; exec setsid "$@" </dev/null >>"$log" 2>&1""";

    /// <summary>
    /// Starts <paramref name="commandLine"/> (the binary, then its arguments) in <paramref name="workingDirectory"/>.
    /// The returned handle tells when the process exits while netm runs; the caller disposes it, which leaves the process running.
    /// </summary>
    public static Process Start(IReadOnlyList<string> commandLine, string logFile, string workingDirectory)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = workingDirectory };
        // The launcher's $0 is "sh", $1 the log file, and the rest the command line.
        foreach (var argument in (string[])["-c", Launcher, "sh", logFile, .. commandLine])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(start) ?? throw new DevClusterException($"{commandLine[0]} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new DevClusterException($"{commandLine[0]} did not start: {e.Message}.", e);
        }
    }

    /// <summary>
    /// Stops the recorded process when it still runs: SIGTERM, then SIGKILL once <paramref name="grace"/> has passed.
    /// Returns false when it was not running (a PID that now belongs to another command is left alone).
    /// </summary>
    /// <exception cref="DevClusterException">It survived SIGKILL.</exception>
    public static async Task<bool> StopAsync(ProcessRecord record, TimeSpan grace)
    {
        if (!record.IsRunning)
        {
            return false;
        }

        LinuxProcess.Signal(record.Pid, LinuxProcess.Terminate);
        if (await WaitUntilGoneAsync(record, grace))
        {
            return true;
        }

        // Checked again right before the signal: the PID must still be the daemon's when SIGKILL goes out.
        if (record.IsRunning)
        {
            LinuxProcess.Signal(record.Pid, LinuxProcess.Kill);
        }

        return await WaitUntilGoneAsync(record, KillWait)
            ? true
            : throw new DevClusterException($"PID {record.Pid} ({record.CommandLine[0]}) survived SIGKILL.");
    }

    private static async Task<bool> WaitUntilGoneAsync(ProcessRecord record, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (record.IsRunning)
        {
            if (Stopwatch.GetElapsedTime(started) >= timeout)
            {
                return false;
            }

            await Task.Delay(PollInterval);
        }

        return true;
    }
}
