using System.Globalization;
using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Benchmarks.Operator;

/// <summary>The settings of an operator benchmark run (<c>operator --help</c> lists them).</summary>
internal sealed record OperatorBenchOptions
{
    public const string Usage = """
        Usage: NetworkMachinery.Benchmarks operator [options]

        How fast `netm operator` writes a NetworkConnectivityTest's status, and how much memory it takes, against a
        private etcd and kube-apiserver 1.20. See benchmarks/operator/README.md.

          --sequential N      objects created one after another (each waits for the last one's status), then each
                              one's spec changed the same way (default: 50)
          --burst N           objects created at once, afterwards, in a namespace of their own (default: 1000)
          --concurrency N     creates in flight during the burst (default: 32)
          --idle S            seconds the operator idles after it is ready, before its idle RSS is taken (default: 10)
          --timeout S         give up on a phase after S seconds (default: 300)
          --json FILE         where the results go (default: .cache/operator-bench/results.json)
        """;

    public int Sequential { get; init; } = 50;

    public int Burst { get; init; } = 1000;

    public int Concurrency { get; init; } = 32;

    public int IdleSeconds { get; init; } = 10;

    public int TimeoutSeconds { get; init; } = 300;

    public string JsonPath { get; init; } = Path.Combine(RepositoryPaths.Root, ".cache", "operator-bench", "results.json");

    /// <summary>Reads the command line; throws <see cref="ArgumentException"/> with what is wrong.</summary>
    public static OperatorBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new OperatorBenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--sequential" => options with { Sequential = Count(args[i], value, 1) },
                "--burst" => options with { Burst = Count(args[i], value, 1) },
                "--concurrency" => options with { Concurrency = Count(args[i], value, 1) },
                "--idle" => options with { IdleSeconds = Count(args[i], value, 0) },
                "--timeout" => options with { TimeoutSeconds = Count(args[i], value, 1) },
                "--json" => options with { JsonPath = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }

        return options;
    }

    private static int Count(string option, string value, int least) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= least
            ? count
            : throw new ArgumentException($"{option} takes a whole number of at least {least}, not '{value}'");
}
