using NetworkMachinery.Contracts;

namespace NetworkMachinery.Prober.Probes;

/// <summary>
/// Counts a probe's attempts and answers and summarises the answered attempts' round-trip times the way ping does:
/// minimum, average, maximum and mean deviation (the population standard deviation, as iputils computes it).
/// </summary>
public sealed class RttTally
{
    private long _minTicks = long.MaxValue;
    private long _maxTicks;
    private double _sum;
    private double _sumOfSquares;

    /// <summary>Attempts made.</summary>
    public int Sent { get; private set; }

    /// <summary>Attempts answered.</summary>
    public int Received { get; private set; }

    /// <summary>Records an attempt made.</summary>
    public void CountSent() => Sent++;

    /// <summary>Records an answered attempt and its round-trip time.</summary>
    public void CountReceived(TimeSpan rtt)
    {
        var ticks = Math.Max(0, rtt.Ticks);
        Received++;
        _minTicks = Math.Min(_minTicks, ticks);
        _maxTicks = Math.Max(_maxTicks, ticks);
        _sum += ticks;
        _sumOfSquares += (double)ticks * ticks;
    }

    /// <summary>Writes the counts, the loss and, when anything was answered, the round-trip times into
    /// <paramref name="result"/>.</summary>
    public void WriteTo(ProbeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.Sent = (uint)Sent;
        result.Received = (uint)Received;
        result.LossPercent = Sent == 0 ? 0 : 100.0 * (Sent - Received) / Sent;
        if (Received == 0)
        {
            return;
        }

        var average = _sum / Received;
        var variance = Math.Max(0, (_sumOfSquares / Received) - (average * average));
        result.RttMinNs = ToNanoseconds(_minTicks);
        result.RttAvgNs = ToNanoseconds(average);
        result.RttMaxNs = ToNanoseconds(_maxTicks);
        result.RttMdevNs = ToNanoseconds(Math.Sqrt(variance));
    }

    private static ulong ToNanoseconds(double ticks) => (ulong)Math.Round(ticks * (1_000_000_000.0 / TimeSpan.TicksPerSecond));
}
