using System.Globalization;
using NetworkMachinery.Benchmarks.Operator;

namespace NetworkMachinery.Benchmarks.Prober;

/// <summary>
/// The peak of the summed resident memory (VmRSS) of this process's child processes, sampled while a side runs: what
/// the <c>ping</c> and <c>nc</c> processes in flight hold at once. The children are read from
/// <c>/proc/self/task/TID/children</c>, which is cheap enough that sampling barely adds to the side's CPU.
/// </summary>
internal sealed class ChildProcessMemory : IAsyncDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(200);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private double _peakMiB;

    public ChildProcessMemory() => _sampling = SampleAsync();

    /// <summary>The highest sum seen so far, in MiB.</summary>
    public double PeakMiB => Volatile.Read(ref _peakMiB);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var sum = Children().Sum(Rss);
                Volatile.Write(ref _peakMiB, Math.Max(_peakMiB, sum));
            }
        }
        catch (OperationCanceledException)
        {
            // The side is over.
        }
    }

    private static IEnumerable<int> Children() => Directory.EnumerateDirectories("/proc/self/task")
        .SelectMany(task => ReadOrEmpty(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(pid => int.Parse(pid, CultureInfo.InvariantCulture));

    // A child that ended between listing and reading holds nothing any more.
    private static double Rss(int pid)
    {
        try
        {
            return MemorySampler.Read(pid).Rss;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
    }
}
