using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// A threshold's window cut into buckets. A sliding window has <see cref="SlidingBuckets"/> buckets and is checked at
/// the end of each over the last whole window; a tumbling window is one bucket, checked at its end. Buckets are
/// aligned to multiples of their width since the Unix epoch, so every rule with the same window closes together.
/// </summary>
/// <param name="BucketTicks">A bucket's width.</param>
/// <param name="Buckets">The buckets per window.</param>
internal readonly record struct WindowSpec(long BucketTicks, int Buckets)
{
    /// <summary>The buckets of a sliding window: it moves in tenths.</summary>
    public const int SlidingBuckets = 10;

    /// <summary>The window's length in seconds, which rates are divided by.</summary>
    public double Seconds => (double)BucketTicks * Buckets / TimeSpan.TicksPerSecond;

    /// <summary>The window of <paramref name="threshold"/> (already validated).</summary>
    public static WindowSpec From(MonitorThreshold threshold)
    {
        var window = GoDuration.Parse(threshold.Window).Ticks;
        return threshold.WindowType == WindowType.Tumbling
            ? new WindowSpec(window, 1)
            : new WindowSpec(Math.Max(1, window / SlidingBuckets), SlidingBuckets);
    }

    /// <summary>The bucket that holds the instant <paramref name="ticks"/> (Unix ticks).</summary>
    public long EpochOf(long ticks) => ticks / BucketTicks;

    /// <summary>The end of bucket <paramref name="epoch"/> (Unix ticks).</summary>
    public long EndOf(long epoch) => (epoch + 1) * BucketTicks;
}
