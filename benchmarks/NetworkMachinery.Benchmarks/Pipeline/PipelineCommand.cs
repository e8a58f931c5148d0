using System.Globalization;
using NetworkMachinery.Testing.Kafka;

namespace NetworkMachinery.Benchmarks.Pipeline;

/// <summary>
/// <c>pipeline</c>: records/s from UDP ingest through the bus to a consumer, over the in-process bus and over Kafka in
/// the same run. Rates rise in the outer loop and the buses take turns at each, so that a change in the machine's
/// background load hits both alike. Markdown on stdout, progress on stderr, JSON to a file.
/// </summary>
internal static class PipelineCommand
{
    private static readonly TimeSpan QuietSample = TimeSpan.FromSeconds(1);

    public static Task<int> RunAsync(IReadOnlyList<string> args) => WholeRun.RunAsync("pipeline", args, PipelineOptions.Usage, PipelineOptions.Parse, RunAsync);

    private static async Task<int> RunAsync(PipelineOptions options, CancellationToken cancellationToken)
    {
        KafkaBroker? broker = null;
        try
        {
            if (options.Buses.Contains(BusKind.Kafka))
            {
                Log("starting Kafka 0.9.0.1 and ZooKeeper...");
                broker = await KafkaBroker.StartAsync(cancellationToken);
                await OnBrokerStartedAsync(broker, options);
                Log($"broker on {broker.BootstrapServers} (PID {broker.BrokerProcessId}), ZooKeeper PID {broker.ZooKeeperProcessId}, data in {broker.Directory}");
            }

            await ClimbAsync(options, broker, cancellationToken);
            return 0;
        }
        finally
        {
            if (broker is not null)
            {
                await broker.DisposeAsync();
            }

            if (options.PidFile is { } pidFile)
            {
                File.Delete(pidFile);
            }
        }
    }

    private static async Task ClimbAsync(PipelineOptions options, KafkaBroker? broker, CancellationToken cancellationToken)
    {
        var step = new PipelineStep(options, broker);
        if (options.WarmupSeconds > 0)
        {
            // The broker's JIT (C2) goes on compiling for about a minute under load, at a quarter to half a core.
            var rate = options.Rates[Math.Min(1, options.Rates.Count - 1)];
            foreach (var bus in options.Buses)
            {
                Log($"{PipelineReport.Name(bus)}: warm-up step of {options.WarmupSeconds} s at {rate}/s (not reported)");
                Describe(await step.RunAsync(bus, rate, options.WarmupSeconds, 0, cancellationToken));
            }
        }

        var steps = new List<StepResult>();
        var attempts = new List<StepResult>();
        var active = options.Buses.ToList();
        var failedInRow = active.ToDictionary(b => b, _ => 0);
        foreach (var rate in options.Rates)
        {
            foreach (var bus in active.ToList())
            {
                StepResult? best = null;
                for (var attempt = 1; attempt <= 1 + options.Retries; attempt++)
                {
                    await WaitQuietAsync(options, broker, cancellationToken);
                    var result = await step.RunAsync(bus, rate, options.Seconds, attempt, cancellationToken);
                    attempts.Add(result);
                    Describe(result);
                    if (best is null || result.Cpu.BackgroundPercent < best.Cpu.BackgroundPercent)
                    {
                        best = result;
                    }

                    if (result.Cpu.BackgroundPercent <= options.MaxBackgroundPercent)
                    {
                        break;
                    }

                    Log($"other processes used {result.Cpu.BackgroundPercent:0}% of a core during the step{(attempt <= options.Retries ? ": running it again" : "; keeping the least disturbed run")}");
                }

                steps.Add(best!);
                failedInRow[bus] = best!.Sustained ? 0 : failedInRow[bus] + 1;
                if (options.StopAfter > 0 && failedInRow[bus] >= options.StopAfter)
                {
                    Log($"{PipelineReport.Name(bus)} did not sustain {options.StopAfter} rates in a row: not climbing further");
                    active.Remove(bus);
                }
            }

            if (active.Count == 0)
            {
                break;
            }
        }

        var summaries = options.Buses.Select(b => BusSummary.Of(b, steps)).ToList();
        var machine = $"{Environment.ProcessorCount} cores, kernel {Environment.OSVersion.Version}, .NET {Environment.Version}";
        Console.WriteLine(PipelineReport.Markdown(options, steps, summaries, machine));
        PipelineReport.WriteJson(options.JsonPath, options, steps, attempts, summaries, machine);
        Log($"results written to {options.JsonPath}");
    }

    /// <summary>
    /// The JVMs run in sessions of their own (the fixture starts them with setsid), so with autogroup scheduling they
    /// would compete with other jobs at the default weight while the collector runs at the wrapper's priority: give their
    /// autogroups this process's niceness. And tell the wrapper their PIDs, so that it can stop them if this process dies.
    /// </summary>
    private static async Task OnBrokerStartedAsync(KafkaBroker broker, PipelineOptions options)
    {
        var own = await File.ReadAllTextAsync("/proc/self/autogroup");
        var nice = own.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
        foreach (var pid in new[] { broker.BrokerProcessId!.Value, broker.ZooKeeperProcessId })
        {
            try
            {
                await File.WriteAllTextAsync($"/proc/{pid}/autogroup", nice);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log($"could not set the autogroup niceness of PID {pid} to {nice}: {e.Message}");
            }
        }

        if (options.PidFile is { } pidFile)
        {
            await File.WriteAllTextAsync(pidFile, $"{broker.BrokerProcessId} {broker.ZooKeeperProcessId}\n");
        }
    }

    /// <summary>Waits until other processes use at most the allowed share of a core, or the quiet timeout passes.</summary>
    private static async Task WaitQuietAsync(PipelineOptions options, KafkaBroker? broker, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(options.QuietTimeoutSeconds);
        var said = false;
        while (true)
        {
            var before = CpuSnapshot.Take(broker?.BrokerProcessId, broker?.ZooKeeperProcessId);
            await Task.Delay(QuietSample, cancellationToken);
            var used = CpuSnapshot.Take(broker?.BrokerProcessId, broker?.ZooKeeperProcessId).Since(before, new ThreadRoles(), 0).BackgroundPercent;
            if (used <= options.MaxBackgroundPercent)
            {
                return;
            }

            if (DateTime.UtcNow >= deadline)
            {
                Log($"the machine is still busy ({used:0}% of a core) after {options.QuietTimeoutSeconds:0} s: running anyway");
                return;
            }

            if (!said)
            {
                Log($"other processes use {used:0}% of a core: waiting for the machine to be quiet...");
                said = true;
            }
        }
    }

    private static void Describe(StepResult s) => Log(string.Create(
        CultureInfo.InvariantCulture,
        $"{PipelineReport.Name(s.Bus),-10} {s.TargetRate,6}/s: sent {s.Sent} at {s.AchievedRate:0}/s, {s.FlowRecords} flow records ({s.FlowRecordsPerSecond:0}/s), consumed {s.FlowsConsumed + s.CountersConsumed} of {s.FlowRecords + s.CounterRecords} records at {s.ConsumedFlowsPerSecond:0} flows/s, drain {s.DrainSeconds:0.0} s, peak lag {s.PeakLagRecords}, latency p50 {s.LatencyP50Ms:0.0} p99 {s.LatencyP99Ms:0.0} ms, CPU {s.Cpu.ProcessSeconds:0.0} s + broker {s.Cpu.BrokerSeconds:0.0} s over {s.Cpu.WindowSeconds:0.0} s, background {s.Cpu.BackgroundPercent:0}%: {(s.Sustained ? "sustained" : string.Join("; ", s.Problems))}"));

    private static void Log(string message) => Console.Error.WriteLine($"pipeline: {message}");
}
