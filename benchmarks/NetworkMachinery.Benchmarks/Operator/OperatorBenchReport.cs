using System.Globalization;
using System.Text;

namespace NetworkMachinery.Benchmarks.Operator;

/// <summary>The run as Markdown: each operator figure beside its peer in the same run, the ratio, and the target.</summary>
internal static class OperatorBenchReport
{
    private const double StatusTargetMs = 1000;
    private const double BurstTargetSeconds = 60;
    private const double MemoryTargetMiB = 200;

    public static string Markdown(OperatorBenchOptions options, OperatorBenchResult result)
    {
        var (sequential, burst) = (result.Sequential, result.Burst);
        var text = new StringBuilder();
        Line(text, $"### Create or change -> status, {sequential.CreateToStatus.Count} objects one at a time");
        Line(text, "");
        Line(text, "| from the request to | p50 ms | p95 ms | max ms | p50 ratio to peer |");
        Line(text, "|---|---:|---:|---:|---:|");
        Row(text, "ADDED event (peer: apiserver + bare watcher)", sequential.CreateToAdded, sequential.CreateToAdded);
        Row(text, "**status** of generation 1", sequential.CreateToStatus, sequential.CreateToAdded);
        Row(text, "MODIFIED event of the spec change (peer)", sequential.ChangeToModified, sequential.ChangeToModified);
        Row(text, "**status** of generation 2", sequential.ChangeToStatus, sequential.ChangeToModified);
        Line(text, "");
        var worst = Math.Max(sequential.CreateToStatus.Max, sequential.ChangeToStatus.Max);
        Line(text, $"Target: status within 1 s of the event: {Met(worst <= StatusTargetMs)} (slowest {worst:0} ms).");
        Line(text, "");
        Line(text, $"### {burst.Count} objects created at once ({options.Concurrency} creates in flight)");
        Line(text, "");
        Line(text, "| from the first create until | s |");
        Line(text, "|---|---:|");
        Line(text, $"| every create returned | {burst.CreatesSeconds:0.00} |");
        Line(text, $"| every ADDED event seen (peer) | {burst.AddedSeconds:0.00} |");
        Line(text, $"| **every object has status** | **{burst.StatusSeconds:0.00}** |");
        Line(text, $"| every run judged (after its 17 s budget: no prober) | {burst.JudgedSeconds:0.00} |");
        Line(text, "");
        Line(text, $"Per object, create request -> status: p50 {burst.CreateToStatus.P50:0} ms, p95 {burst.CreateToStatus.P95:0} ms, max {burst.CreateToStatus.Max:0} ms; "
            + $"status for all is {Ratio(burst.StatusSeconds, burst.AddedSeconds)} the time the apiserver took to show all the creates.");
        Line(text, "");
        Line(text, "| operator memory | MiB | ratio to idle |");
        Line(text, "|---|---:|---:|");
        Line(text, $"| RSS idle, ready, no objects (peer) | {result.IdleRssMiB:0.0} | 1 |");
        Line(text, $"| RSS highest sampled during the burst | {burst.MaxRssMiB:0.0} | {Ratio(burst.MaxRssMiB, result.IdleRssMiB)} |");
        Line(text, $"| **peak RSS (VmHWM) over the run** | **{result.PeakRssMiB:0.0}** | {Ratio(result.PeakRssMiB, result.IdleRssMiB)} |");
        Line(text, "");
        Line(text, $"Target: {burst.Count} objects reach status within {BurstTargetSeconds:0} s: {Met(burst.StatusSeconds <= BurstTargetSeconds)}; "
            + $"memory under {MemoryTargetMiB:0} MiB: {Met(result.PeakRssMiB < MemoryTargetMiB)}.");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string what, Latencies latencies, Latencies peer) =>
        Line(text, $"| {what} | {latencies.P50:0.0} | {latencies.P95:0.0} | {latencies.Max:0.0} | {Ratio(latencies.P50, peer.P50)} |");

    private static string Ratio(double value, double peer) => peer > 0 ? string.Create(CultureInfo.InvariantCulture, $"{value / peer:0.0}x") : "-";

    private static string Met(bool met) => met ? "**met**" : "**not met**";

    private static void Line(StringBuilder text, string line) => text.Append(CultureInfo.InvariantCulture, $"{line}\n");
}
