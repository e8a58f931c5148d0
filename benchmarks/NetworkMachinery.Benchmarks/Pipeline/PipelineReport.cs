using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetworkMachinery.Benchmarks.Pipeline;

/// <summary>The run's results: markdown tables for people, JSON for scripts.</summary>
internal static class PipelineReport
{
    // The pipeline's parts, in the order a record passes them, as ThreadRoles names them.
    private static readonly string[] Roles =
    [
        "collector receive", "collector decode", "thread pool", "producer librdkafka", "producer delivery reports",
        "consumer librdkafka", "consumer loop (Kafka)", "GC",
    ];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Markdown(PipelineOptions options, IReadOnlyList<StepResult> steps, IReadOnlyList<BusSummary> summaries, string machine)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"## Pipeline benchmark ({DateTime.UtcNow:yyyy-MM-ddTHH:mmZ}, {machine})"));
        text.AppendLine();
        text.AppendLine(Invariant($"Steps of {options.Seconds} s; {options.Consumers} consumer(s); Kafka topics of {options.Partitions} partitions; export queue full: {(options.BlockWhenExportFull ? "block" : "drop")}; Kafka client properties beyond the broker's: {Describe(options.KafkaConfig)}."));
        text.AppendLine();
        text.AppendLine("| bus | target dgm/s | achieved dgm/s | flow records/s | socket drops | export dropped | not delivered | consumed / produced records | consumed flows/s | drain s | peak lag (records) | latency p50 / p99 ms | CPU s: netm process / broker / replayer | background | lossless | kept up |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var s in steps)
        {
            text.AppendLine(Invariant(
                $"| {Name(s.Bus)} | {s.TargetRate:N0} | {s.AchievedRate:N0}{(s.SenderLimited ? " (sender-limited)" : "")} | {s.FlowRecordsPerSecond:N0} | {s.SocketDrops:N0} | {s.ExportDropped:N0} | {s.DeliveryFailures:N0} | {s.FlowsConsumed + s.CountersConsumed:N0} / {s.FlowRecords + s.CounterRecords:N0} | {s.ConsumedFlowsPerSecond:N0} | {s.DrainSeconds:0.0} | {s.PeakLagRecords:N0} | {Ms(s.LatencyP50Ms)} / {Ms(s.LatencyP99Ms)} | {s.Cpu.ProcessSeconds:0.0} / {s.Cpu.BrokerSeconds:0.0} / {s.Cpu.ReplayerSeconds:0.0} | {s.Cpu.BackgroundPercent:0}%{(s.Attempt > 1 ? $" (run {s.Attempt})" : "")} | {YesNo(s.Lossless)} | {YesNo(s.KeptUp)} |"));
        }

        text.AppendLine();
        text.AppendLine("Where the CPU went, in % of one core over each step's window (the replay and the drain after it):");
        text.AppendLine();
        text.AppendLine($"| bus | target dgm/s | {string.Join(" | ", Roles)} | other | netm process | broker JVM | ZooKeeper | replayer | broker's busiest threads |");
        text.AppendLine($"|---|---:|{string.Concat(Roles.Select(_ => "---:|"))}---:|---:|---:|---:|---:|---|");
        foreach (var s in steps)
        {
            var window = s.Cpu.WindowSeconds;
            var roles = string.Join(" | ", Roles.Select(r => Percent(s.Cpu.ProcessThreads.GetValueOrDefault(r), window)));
            var other = s.Cpu.ProcessThreads.Where(t => !Roles.Contains(t.Key)).Sum(t => t.Value);
            var busiest = string.Join(", ", s.Cpu.BrokerThreads.OrderByDescending(t => t.Value).Take(4).Where(t => t.Value > 0).Select(t => $"{t.Key} {Percent(t.Value, window)}"));
            text.AppendLine(Invariant(
                $"| {Name(s.Bus)} | {s.TargetRate:N0} | {roles} | {Percent(other, window)} | {Percent(s.Cpu.ProcessSeconds, window)} | {Percent(s.Cpu.BrokerSeconds, window)} | {Percent(s.Cpu.ZooKeeperSeconds, window)} | {Percent(s.Cpu.ReplayerSeconds, window)} | {busiest} |"));
        }

        text.AppendLine();
        text.AppendLine("| bus | highest rate sustained (lossless, kept up) | achieved there | flow records/s there | first rate not sustained |");
        text.AppendLine("|---|---:|---:|---:|---|");
        foreach (var summary in summaries)
        {
            var best = summary.HighestSustained;
            text.AppendLine(Invariant(
                $"| {Name(summary.Bus)} | {(best is null ? "none" : $"{best.TargetRate:N0} dgm/s")} | {(best is null ? "" : $"{best.AchievedRate:N0} dgm/s")} | {summary.FlowRecordsPerSecond:N0} | {(summary.FirstNotSustainedRate is { } r ? $"{r:N0} dgm/s" : "none up to the highest rate")} |"));
        }

        if (Ratio(summaries) is { } ratio)
        {
            var inProcess = summaries.First(s => s.Bus == BusKind.InProcess);
            text.AppendLine();
            text.AppendLine(Invariant($"Kafka / in-process: {ratio:P0}{(inProcess.SustainedEveryRate ? " (the in-process bus sustained every rate tested: its limit lies above, so this ratio is an upper bound)" : "")}."));
        }

        return text.ToString();
    }

    public static void WriteJson(string path, PipelineOptions options, IReadOnlyList<StepResult> steps, IReadOnlyList<StepResult> attempts, IReadOnlyList<BusSummary> summaries, string machine)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var document = new
        {
            Date = DateTime.UtcNow,
            Machine = machine,
            Options = new { options.Rates, options.Seconds, options.Consumers, options.Partitions, options.KafkaConfig, ExportFull = options.BlockWhenExportFull ? "block" : "drop", options.MaxLagSeconds, options.Pcap },
            Summary = summaries.Select(s => new { s.Bus, HighestSustainedRate = s.HighestSustained?.TargetRate, AchievedRate = s.HighestSustained?.AchievedRate, s.FlowRecordsPerSecond, s.FirstNotSustainedRate, s.SustainedEveryRate }),
            KafkaToInProcess = Ratio(summaries),
            Steps = steps,
            Attempts = attempts,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
    }

    /// <summary>Kafka's highest sustained flow records/s over the in-process bus's; null unless both ran and the latter sustained a rate.</summary>
    public static double? Ratio(IReadOnlyList<BusSummary> summaries)
    {
        var inProcess = summaries.FirstOrDefault(s => s.Bus == BusKind.InProcess);
        var kafka = summaries.FirstOrDefault(s => s.Bus == BusKind.Kafka);
        return inProcess is { FlowRecordsPerSecond: > 0 } && kafka is not null ? kafka.FlowRecordsPerSecond / inProcess.FlowRecordsPerSecond : null;
    }

    public static string Name(BusKind bus) => bus == BusKind.Kafka ? "Kafka" : "in-process";

    private static string Describe(IReadOnlyDictionary<string, string> config) =>
        config.Count == 0 ? "none" : string.Join(", ", config.Select(p => $"`{p.Key}={p.Value}`"));

    private static string Ms(double? value) => value is { } v ? v.ToString(v < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) : "-";

    private static string Percent(double seconds, double window) => window > 0 ? (100 * seconds / window).ToString("0", CultureInfo.InvariantCulture) : "-";

    private static string YesNo(bool value) => value ? "yes" : "**no**";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
