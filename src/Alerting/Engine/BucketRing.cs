using System.Runtime.CompilerServices;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// A window's buckets kept in a ring that is advanced lazily: a ring remembers the bucket it was last written in, and
/// only a write to a later bucket clears the slots in between. A key that goes quiet therefore costs nothing until it
/// is written again or its window is summed.
/// </summary>
internal static class BucketRing
{
    /// <summary>Adds <paramref name="value"/> to bucket <paramref name="epoch"/> of <paramref name="ring"/>, last written in <paramref name="lastEpoch"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(Span<double> ring, ref long lastEpoch, long epoch, double value)
    {
        if (epoch > lastEpoch)
        {
            Roll(ring, ref lastEpoch, epoch);
        }
        else
        {
            // A bucket already left behind (only after the clock was set back): count it in the newest one.
            epoch = lastEpoch;
        }

        ring[(int)(epoch % ring.Length)] += value;
    }

    /// <summary>The sum of the window that ends with bucket <paramref name="closed"/>.</summary>
    public static double Sum(ReadOnlySpan<double> ring, long lastEpoch, long closed)
    {
        // The ring holds buckets (lastEpoch - n, lastEpoch]; the window is (closed - n, closed].
        var from = Math.Max(closed, lastEpoch) - ring.Length + 1;
        var to = Math.Min(closed, lastEpoch);
        var sum = 0.0;
        for (var epoch = from; epoch <= to; epoch++)
        {
            sum += ring[(int)(epoch % ring.Length)];
        }

        return sum;
    }

    private static void Roll(Span<double> ring, ref long lastEpoch, long epoch)
    {
        var stale = Math.Min(epoch - lastEpoch, ring.Length);
        for (var i = 1; i <= stale; i++)
        {
            ring[(int)((lastEpoch + i) % ring.Length)] = 0;
        }

        lastEpoch = epoch;
    }
}
