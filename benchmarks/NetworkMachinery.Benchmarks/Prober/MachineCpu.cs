using System.Globalization;

namespace NetworkMachinery.Benchmarks.Prober;

/// <summary>
/// Busy CPU time of the whole machine from /proc/stat (user, nice, system, irq, softirq), so that what child processes
/// and the kernel spend on a side's probes counts as much as what this process spends.
/// </summary>
internal static class MachineCpu
{
    public static TimeSpan Busy()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        var ticks = Field(1) + Field(2) + Field(3) + Field(6) + Field(7);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
