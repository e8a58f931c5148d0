using System.Globalization;
using NetworkMachinery.Benchmarks.Pipeline;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Benchmarks.Alerting;

/// <summary>The settings of an alerting latency run (<c>alerting --help</c> lists them).</summary>
internal sealed record AlertingBenchOptions
{
    public const string Usage = """
        Usage: NetworkMachinery.Benchmarks alerting [options]

        Time from an sFlow datagram sent to `netm run` until the webhook call it causes reaches a receiver, one
        datagram (a fresh flow key, over a byFlow threshold at once) per trial, over the in-process bus and over Kafka
        (a private 0.9.0.1 broker) in the same run, at alerting's default tick and at the shortest tick `netm run`
        accepts (the floor of the path without the tick). See benchmarks/alerting/README.md.

          --trials N          timed trials per bus and tick (default: 100)
          --warmup N          untimed trials first, after the first webhook arrived (default: 5)
          --gap MS            least time between two sends; above 1000, since delivery sends at most one request
                              per second to a URL after a burst of five (default: 1200)
          --jitter MS         a random extra 0..MS on each gap, so that sends fall at every phase of the tick and
                              of the window buckets (default: 300)
          --ticks "T1 T2"     netm run --tick values, Go durations (default: "250ms 10ms")
          --buses "B1 B2"     inprocess and/or kafka (default: "inprocess kafka")
          --window W          the threshold's sliding window, a Go duration of at least 1s; it is checked every
                              tenth of it (default: 1s)
          --timeout S         a trial whose webhook has not arrived after S seconds is lost (default: 10)
        """;

    public int Trials { get; init; } = 100;

    public int Warmup { get; init; } = 5;

    public TimeSpan Gap { get; init; } = TimeSpan.FromMilliseconds(1200);

    public TimeSpan Jitter { get; init; } = TimeSpan.FromMilliseconds(300);

    public IReadOnlyList<TimeSpan> Ticks { get; init; } = [TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(10)];

    public IReadOnlyList<BusKind> Buses { get; init; } = [BusKind.InProcess, BusKind.Kafka];

    public string Window { get; init; } = "1s";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Reads the command line; throws <see cref="ArgumentException"/> with what is wrong.</summary>
    public static AlertingBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new AlertingBenchOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{name} needs a value");
            options = name switch
            {
                "--trials" => options with { Trials = Count(name, value, 1) },
                "--warmup" => options with { Warmup = Count(name, value, 0) },
                "--gap" => options with { Gap = TimeSpan.FromMilliseconds(Count(name, value, 1)) },
                "--jitter" => options with { Jitter = TimeSpan.FromMilliseconds(Count(name, value, 0)) },
                "--ticks" => options with { Ticks = [.. Words(value).Select(tick => Duration(name, tick))] },
                "--buses" => options with { Buses = [.. Words(value).Select(PipelineOptions.ParseBus).Distinct()] },
                "--window" => options with { Window = Duration(name, value) >= TimeSpan.FromSeconds(1) ? value : throw new ArgumentException("--window takes at least 1s") },
                "--timeout" => options with { Timeout = TimeSpan.FromSeconds(Count(name, value, 1)) },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        if (options.Ticks.Count == 0 || options.Buses.Count == 0)
        {
            throw new ArgumentException("--ticks and --buses need at least one value");
        }

        return options;
    }

    private static string[] Words(string value) => value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);

    private static TimeSpan Duration(string option, string value) =>
        GoDuration.TryParse(value, out var duration) && duration > TimeSpan.Zero ? duration : throw new ArgumentException($"{option}: '{value}' is not a duration such as 250ms");

    private static int Count(string option, string value, int least) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= least
            ? n
            : throw new ArgumentException($"{option} takes a whole number of at least {least}, not '{value}'");
}
