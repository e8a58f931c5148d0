using System.Diagnostics;

namespace NetworkMachinery.Benchmarks.Pipeline;

/// <summary>
/// Tells which part of the pipeline each thread of this process works for, so that its CPU time can be charged to
/// the collector, the exporter, the bus clients or the consumer. Threads we name say it themselves (netm-receive-0,
/// netm-decode-0, .NET TP Worker); librdkafka's (rdk:main, rdk:broker0, ...) and Confluent.Kafka's polling threads
/// are named alike for producer and consumer, so they are told apart by when they appeared: <see cref="Mark"/> is
/// called after each part is created and claims the threads that are new since the last call. Other threads go by
/// their names.
/// </summary>
internal sealed class ThreadRoles
{
    private readonly Dictionary<int, string> _phase = [];

    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(100);

    /// <summary>Claims every thread not seen before for <paramref name="phase"/>.</summary>
    public void Mark(string phase)
    {
        foreach (var thread in ProcStat.Threads(Environment.ProcessId))
        {
            _phase.TryAdd(thread.Tid, phase);
        }
    }

    /// <summary>
    /// Waits until no thread has started for a moment (librdkafka starts a thread per broker once the bootstrap
    /// server told it of them, shortly after the client was created), then claims the new ones for <paramref name="phase"/>.
    /// </summary>
    public async Task MarkWhenSettledAsync(string phase, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var stable = Stopwatch.GetTimestamp();
        var count = ProcStat.Threads(Environment.ProcessId).Count;
        while (Stopwatch.GetElapsedTime(stable) < SettleTime && Stopwatch.GetElapsedTime(started) < SettleLimit)
        {
            await Task.Delay(SettlePoll, cancellationToken);
            var now = ProcStat.Threads(Environment.ProcessId).Count;
            if (now != count)
            {
                count = now;
                stable = Stopwatch.GetTimestamp();
            }
        }

        Mark(phase);
    }

    /// <summary>The role of a thread: by its name where that says it, else by the phase that created it.</summary>
    public string RoleOf(ProcStat.ThreadTicks thread)
    {
        var name = thread.Name;
        if (name.StartsWith("netm-receive", StringComparison.Ordinal))
        {
            return "collector receive";
        }

        if (name.StartsWith("netm-decode", StringComparison.Ordinal))
        {
            return "collector decode";
        }

        if (name.StartsWith(".NET TP Worker", StringComparison.Ordinal))
        {
            // The exporter's task runs here, and so do the in-process bus's consumer loops (async, not on threads of their own).
            return "thread pool";
        }

        if (name.StartsWith(".NET BGC", StringComparison.Ordinal) || name.StartsWith(".NET GC", StringComparison.Ordinal))
        {
            return "GC";
        }

        var phase = _phase.GetValueOrDefault(thread.Tid, "");
        var isKafkaClient = name.StartsWith("rdk:", StringComparison.Ordinal);
        var isDedicated = name.StartsWith(".NET Long Runni", StringComparison.Ordinal);
        return (phase, isKafkaClient, isDedicated) switch
        {
            (Phases.ConsumerClient or Phases.ConsumerLoop, true, _) => "consumer librdkafka",
            (Phases.ConsumerClient, _, true) => "consumer dead-letter producer poll",
            (Phases.ConsumerLoop, _, true) => "consumer loop (Kafka)",
            (Phases.ProducerClient, true, _) => "producer librdkafka",
            (Phases.ProducerClient, _, true) => "producer delivery reports",

            // The runtime's own (tiered JIT, timers, finalizer) and the benchmark's main thread: by name, summed as "other" in the tables.
            _ => name,
        };
    }

    /// <summary>The phases of a step that create threads, in the order they happen.</summary>
    public static class Phases
    {
        public const string Before = "before";
        public const string ConsumerClient = "consumer client";
        public const string ConsumerLoop = "consumer loop";
        public const string ProducerClient = "producer client";
        public const string Collector = "collector";
    }
}
