namespace NetworkMachinery.Benchmarks.Operator;

/// <summary>The spread of a set of latencies, in milliseconds.</summary>
internal sealed record Latencies(int Count, double P50, double P90, double P95, double P99, double Max)
{
    public static Latencies Of(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new Latencies(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.90), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted[^1]);
    }

    // Nearest rank: the smallest value with at least p of the values at or below it.
    private static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
