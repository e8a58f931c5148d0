using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NetworkMachinery.Benchmarks.Pipeline;

/// <summary>The CPU time of this process (per thread), of the broker's and ZooKeeper's JVMs and of the whole machine at one moment.</summary>
internal sealed partial record CpuSnapshot(
    long Timestamp,
    long ProcessTicks,
    IReadOnlyList<ProcStat.ThreadTicks> Threads,
    long BrokerTicks,
    IReadOnlyList<ProcStat.ThreadTicks> BrokerThreads,
    long ZooKeeperTicks,
    long MachineBusyTicks)
{
    public static CpuSnapshot Take(int? brokerPid, int? zooKeeperPid) => new(
        Stopwatch.GetTimestamp(),
        ProcStat.ProcessTicks(Environment.ProcessId),
        ProcStat.Threads(Environment.ProcessId),
        brokerPid is { } broker ? ProcStat.ProcessTicks(broker) : 0,
        brokerPid is { } b ? ProcStat.Threads(b) : [],
        zooKeeperPid is { } zooKeeper ? ProcStat.ProcessTicks(zooKeeper) : 0,
        ProcStat.MachineBusyTicks());

    /// <summary>What was used from <paramref name="start"/> to this snapshot; <paramref name="replayerCpuSeconds"/> is the replayer's own count.</summary>
    public CpuUsage Since(CpuSnapshot start, ThreadRoles roles, double replayerCpuSeconds)
    {
        var window = Stopwatch.GetElapsedTime(start.Timestamp, Timestamp).TotalSeconds;
        var process = Seconds(ProcessTicks - start.ProcessTicks);
        var broker = Seconds(BrokerTicks - start.BrokerTicks);
        var zooKeeper = Seconds(ZooKeeperTicks - start.ZooKeeperTicks);
        var machine = Seconds(MachineBusyTicks - start.MachineBusyTicks);

        // The rest of the machine's busy time went to other jobs (and kernel threads): in % of one core.
        var background = Math.Max(0, machine - process - broker - zooKeeper - replayerCpuSeconds);
        return new CpuUsage(
            window,
            process,
            broker,
            zooKeeper,
            replayerCpuSeconds,
            window > 0 ? 100 * background / window : 0,
            ByGroup(start.Threads, Threads, roles.RoleOf),
            ByGroup(start.BrokerThreads, BrokerThreads, JvmThreadGroup));
    }

    private static double Seconds(long ticks) => ticks / ProcStat.TicksPerSecond;

    // A thread that started during the window counts from zero; one that ended during it is missing (its time is
    // still in the process's total).
    private static Dictionary<string, double> ByGroup(IReadOnlyList<ProcStat.ThreadTicks> before, IReadOnlyList<ProcStat.ThreadTicks> after, Func<ProcStat.ThreadTicks, string> groupOf)
    {
        var earlier = before.ToDictionary(t => t.Tid, t => t.Ticks);
        var groups = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var thread in after)
        {
            var used = Seconds(thread.Ticks - earlier.GetValueOrDefault(thread.Tid));
            if (used > 0)
            {
                var group = groupOf(thread);
                groups[group] = groups.GetValueOrDefault(group) + used;
            }
        }

        return groups;
    }

    // JVM threads are named by what they do with a number at the end (kafka-request-handler-3, GC Thread#1), cut to
    // 15 characters by the kernel: one group per name without the number.
    private static string JvmThreadGroup(ProcStat.ThreadTicks thread) => TrailingNumber().Replace(thread.Name, "");

    [GeneratedRegex(@"[-#\s]*\d+$")]
    private static partial Regex TrailingNumber();
}
