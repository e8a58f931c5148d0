using System.Globalization;

namespace NetworkMachinery.Benchmarks.Pipeline;

/// <summary>
/// CPU time as Linux counts it in /proc, in clock ticks (USER_HZ): per process, per thread, and for the whole machine.
/// Read, not estimated: the benchmark says where the time went from these.
/// </summary>
internal static class ProcStat
{
    /// <summary>USER_HZ: the unit of every tick count in /proc (100 on every Linux this runs on).</summary>
    public const double TicksPerSecond = 100;

    /// <summary>A thread's name (comm, at most 15 characters) and its user + system ticks.</summary>
    public readonly record struct ThreadTicks(int Tid, string Name, long Ticks);

    /// <summary>User + system ticks of a process, its live and exited threads; 0 when it is gone.</summary>
    public static long ProcessTicks(int pid) => ReadStat($"/proc/{pid}/stat") is { } stat ? stat.Ticks : 0;

    /// <summary>Every live thread of a process with its ticks; empty when the process is gone.</summary>
    public static IReadOnlyList<ThreadTicks> Threads(int pid)
    {
        var threads = new List<ThreadTicks>();
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (DirectoryNotFoundException)
        {
            return threads;
        }

        foreach (var task in tasks)
        {
            // A thread may end between the listing and the read.
            if (ReadStat(Path.Combine(task, "stat")) is { } stat)
            {
                threads.Add(new ThreadTicks(int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture), stat.Name, stat.Ticks));
            }
        }

        return threads;
    }

    /// <summary>Ticks the machine's CPUs were busy (everything but idle and I/O wait), summed over the CPUs.</summary>
    public static long MachineBusyTicks()
    {
        // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is already in user)
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long busy = 0;
        for (var i = 1; i <= 8 && i < fields.Length; i++)
        {
            if (i is not (4 or 5))
            {
                busy += long.Parse(fields[i], CultureInfo.InvariantCulture);
            }
        }

        return busy;
    }

    private static (string Name, long Ticks)? ReadStat(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }

        // pid (comm) state ppid ... : comm may hold spaces and parentheses, so split after its last ')'.
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        var name = text[(open + 1)..close];
        var fields = text[(close + 2)..].Split(' ');

        // Fields 14 and 15 of the stat line (utime, stime) are the 12th and 13th after comm.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (name, ticks);
    }
}
