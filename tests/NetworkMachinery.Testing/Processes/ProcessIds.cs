using System.Globalization;
using System.Runtime.InteropServices;
using NetworkMachinery.Testing.Native;
using NetworkMachinery.Testing.Polling;

namespace NetworkMachinery.Testing.Processes;

/// <summary>
/// Signals and watches processes by PID, for daemons that detached from the process that started them
/// (so .NET holds no handle to them) and for whole process groups.
/// </summary>
public static class ProcessIds
{
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    /// <summary>Sends <paramref name="signal"/> to one process; a process that is already gone is not an error.</summary>
    public static void Signal(int pid, UnixSignal signal) => Send(pid, signal);

    /// <summary>Sends <paramref name="signal"/> to every process of a group; a group that is already empty is not an error.</summary>
    public static void SignalGroup(int processGroupId, UnixSignal signal) => Send(-processGroupId, signal);

    /// <summary>True while the process exists and has not exited (a zombie waiting to be reaped counts as gone).</summary>
    public static bool IsRunning(int pid) => ReadStat(pid) is { } stat && stat.State is not ('Z' or 'X');

    /// <summary>True while any process of the group is running.</summary>
    public static bool IsGroupRunning(int processGroupId)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ReadStat(pid) is { } stat
                && stat.ProcessGroupId == processGroupId
                && stat.State is not ('Z' or 'X'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The process's command line with arguments separated by spaces, or null when it is gone.</summary>
    public static string? ReadCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').TrimEnd();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stops a process that is not our child: sends <paramref name="signal"/>, waits up to <paramref name="grace"/>
    /// for it to go, then kills it. Throws when it survives even that.
    /// </summary>
    public static Task StopAsync(int pid, UnixSignal signal, TimeSpan grace) =>
        StopAsync(s => Signal(pid, s), () => IsRunning(pid), $"Process {pid} ({ReadCommandLine(pid)})", signal, grace);

    /// <summary>Stops every process of a group: the polite signal, then SIGKILL for those that remain after the grace period.</summary>
    public static Task StopGroupAsync(int processGroupId, UnixSignal signal, TimeSpan grace) =>
        StopAsync(s => SignalGroup(processGroupId, s), () => IsGroupRunning(processGroupId), $"Process group {processGroupId}", signal, grace);

    private static async Task StopAsync(Action<UnixSignal> send, Func<bool> isRunning, string what, UnixSignal signal, TimeSpan grace)
    {
        send(signal);
        if (await Poll.UntilAsync(() => !isRunning(), grace))
        {
            return;
        }

        send(UnixSignal.Kill);
        if (!await Poll.UntilAsync(() => !isRunning(), KillWait))
        {
            throw new InvalidOperationException($"{what} survived SIGKILL.");
        }
    }

    private static void Send(int target, UnixSignal signal)
    {
        if (LibC.Kill(target, (int)signal) != 0 && Marshal.GetLastPInvokeError() is var errno && errno != LibC.NoSuchProcess)
        {
            throw new InvalidOperationException($"kill({target}, {signal}) failed: errno {errno}.");
        }
    }

    private static (char State, int ProcessGroupId)? ReadStat(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }

        // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so parse after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (fields[0][0], int.Parse(fields[2], CultureInfo.InvariantCulture));
    }
}
