using System.Globalization;
using System.Text;
using NetworkMachinery.Benchmarks.Pipeline;

namespace NetworkMachinery.Benchmarks.Alerting;

/// <summary>The run as Markdown: each case's spread, its two parts, and its ratio to the same bus at the shortest tick.</summary>
internal static class AlertingBenchReport
{
    private const double TargetMs = 2000;

    public static string Markdown(AlertingBenchOptions options, IReadOnlyList<CaseResult> cases, int unexpected)
    {
        var floorTick = options.Ticks.Min();
        var text = new StringBuilder();
        Line(text, $"### sFlow datagram sent -> webhook call received, one datagram per trial ({options.Trials} timed trials per row, {options.Gap.TotalMilliseconds:0}-{(options.Gap + options.Jitter).TotalMilliseconds:0} ms apart, sliding window {options.Window})");
        Line(text, "");
        Line(text, "| bus | tick | trials (lost) | p50 ms | p90 ms | p99 ms | max ms | send -> raisedAt p50 / max ms | raisedAt -> webhook p50 / max ms | p50 ratio to floor |");
        Line(text, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var c in cases)
        {
            var floor = cases.FirstOrDefault(f => f.Bus == c.Bus && f.Tick == floorTick);
            var peer = c.Tick == floorTick ? " (floor, peer)" : "";
            var ratio = floor is null ? "-" : $"{c.Total.P50 / floor.Total.P50:0.0}x";
            Line(text, $"| {Name(c.Bus)} | {Format(c.Tick)}{peer} | {c.Total.Count} ({c.Lost}) | **{c.Total.P50:0}** | {c.Total.P90:0} | **{c.Total.P99:0}** | {c.Total.Max:0} | {c.ToBucketEnd.P50:0} / {c.ToBucketEnd.Max:0} | {c.BucketEndToArrival.P50:0} / {c.BucketEndToArrival.Max:0} | {ratio} |");
        }

        Line(text, "");
        Line(text, "raisedAt is the end of the window bucket the engine counted the datagram in. The engine moves its open bucket only at a tick, so with a tick longer than a bucket (a tenth of the window) a datagram is often counted in a bucket that has already ended, and send -> raisedAt is negative.");
        Line(text, "");
        var worst = cases.Max(c => c.Total.Max);
        var lost = cases.Sum(c => c.Lost);
        Line(text, $"Target (issue 7): under 2 s from the datagram to the webhook call: {(worst < TargetMs && lost == 0 ? "met" : "NOT met")} (slowest {worst:0} ms, {lost} trials lost, {unexpected} unexpected POSTs).");
        Line(text, "");
        Line(text, $"Machine: {Environment.ProcessorCount} cores, kernel {Environment.OSVersion.Version}, .NET {Environment.Version}, load average before the report {File.ReadAllText("/proc/loadavg").Split(' ')[0]}.");
        return text.ToString();
    }

    public static string Name(BusKind bus) => bus == BusKind.Kafka ? "Kafka 0.9.0.1" : "in-process";

    /// <summary>A tick as netm run's --tick takes it.</summary>
    public static string Format(TimeSpan tick) => string.Create(CultureInfo.InvariantCulture, $"{tick.TotalMilliseconds:0}ms");

    private static void Line(StringBuilder text, string line) => text.AppendLine(CultureInfo.InvariantCulture, $"{line}");
}
