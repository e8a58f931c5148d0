using System.Globalization;

namespace NetworkMachinery.Benchmarks.Prober;

/// <summary>The settings of a prober benchmark run (<c>prober --help</c> lists them).</summary>
internal sealed record ProberBenchOptions
{
    public const string Usage = """
        Usage: NetworkMachinery.Benchmarks prober [options]

        How many probes per second one prober runs (TCP connect and ICMP echo, half each, from a pod's network
        namespace to another's), next to the same checks run as `ping` and `nc` processes, one per probe, as the
        original project ran them. See benchmarks/prober/README.md.

          --seconds S         how long each side runs (default: 10)
          --concurrency N     probes in flight on each side (default: 64)
        """;

    public int Seconds { get; init; } = 10;

    public int Concurrency { get; init; } = 64;

    /// <summary>Reads the command line; throws <see cref="ArgumentException"/> with what is wrong.</summary>
    public static ProberBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ProberBenchOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = Count(args[i], value) },
                "--concurrency" => options with { Concurrency = Count(args[i], value) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }

    private static int Count(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : throw new ArgumentException($"{option} takes a whole number of at least 1, not '{value}'");
}
