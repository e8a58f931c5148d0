using System.Globalization;

namespace NetworkMachinery.Benchmarks.Operator;

/// <summary>A process's resident memory from /proc/PID/status: now (VmRSS) and its peak so far as the kernel tracks it (VmHWM).</summary>
internal static class MemorySampler
{
    /// <summary>VmRSS and VmHWM of <paramref name="pid"/>, in MiB.</summary>
    public static (double Rss, double Peak) Read(int pid)
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) / 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line) / 1024;
            }
        }

        return (rss, peak);
    }

    private static double Kilobytes(string line) =>
        double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
