namespace NetworkMachinery.Collector.Hosting;

/// <summary>Wall-clock time as Unix epoch numbers, the form records and metrics carry.</summary>
internal static class UnixTime
{
    public static long NowNanoseconds() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    public static long NowMilliseconds() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
}
