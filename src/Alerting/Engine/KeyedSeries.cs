namespace NetworkMachinery.Alerting.Engine;

/// <summary>The window of one interface or one probe path of a counter or probe rule: sums and counts per bucket, and the condition.</summary>
internal sealed class KeyedSeries(int buckets, long epoch)
{
    private long _sumEpoch = epoch;
    private long _countEpoch = epoch;

    /// <summary>The values added per bucket.</summary>
    public double[] Sums { get; } = new double[buckets];

    /// <summary>How many values were added per bucket.</summary>
    public double[] Counts { get; } = new double[buckets];

    /// <summary>The condition.</summary>
    public Condition Condition;

    /// <summary>The last value checked.</summary>
    public double LastValue { get; set; }

    /// <summary>Adds <paramref name="value"/> to bucket <paramref name="epoch"/>.</summary>
    public void Add(long epoch, double value)
    {
        BucketRing.Add(Sums, ref _sumEpoch, epoch, value);
        BucketRing.Add(Counts, ref _countEpoch, epoch, 1);
    }

    /// <summary>The sum and count of the window that ends with bucket <paramref name="closed"/>.</summary>
    public (double Sum, double Count) Window(long closed) =>
        (BucketRing.Sum(Sums, _sumEpoch, closed), BucketRing.Sum(Counts, _countEpoch, closed));
}
