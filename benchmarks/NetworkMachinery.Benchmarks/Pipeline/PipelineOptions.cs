using System.Globalization;
using NetworkMachinery.Benchmarks.Corpus;
using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Benchmarks.Pipeline;

/// <summary>The settings of a pipeline benchmark run (<c>pipeline --help</c> lists them).</summary>
internal sealed record PipelineOptions
{
    public const string Usage = """
        Usage: NetworkMachinery.Benchmarks pipeline [options]

        End-to-end records/s from UDP ingest through the bus to a consumer group, over the in-process bus and over
        Kafka (a private 0.9.0.1 broker) in the same run. See benchmarks/pipeline/README.md.

          --rates "R1 R2 ..."      datagrams/s of the steps, rising (default: "20000 30000 40000 50000 60000 80000 100000")
          --seconds N              length of each step's replay (default: 10)
          --buses "B1 B2"          inprocess and/or kafka (default: "inprocess kafka")
          --consumers N            members of the consumer group (default: 1)
          --partitions N           partitions of the flows and counters topics on Kafka (default: 4)
          --kafka-config KEY=VALUE librdkafka property for the producer and the consumers, over the broker's
                                   client properties (repeatable)
          --export-full P          drop or block: what the collector does when its export queue is full (default: drop)
          --max-lag S              a step keeps up when the consumer has everything within S seconds of the
                                   replayer's end (default: 2)
          --drain-timeout S        give up waiting for the consumer after S seconds (default: 60)
          --stop-after N           stop climbing a bus after N rates in a row that it did not sustain, 0 = never (default: 2)
          --max-background P       wait before each step until other processes use under P% of one core; rerun a
                                   step that they disturbed more than that (default: 30)
          --quiet-timeout S        ... but wait at most S seconds, then run anyway (default: 120)
          --retries N              reruns of a disturbed step; the least disturbed run counts (default: 2)
          --warmup S               an unreported step of S seconds per bus first, at the second rate, so that the
                                   JITs (.NET's and the broker's) are done (default: 60)
          --receive-buffer BYTES   the collector's SO_RCVBUF (default: 33554432)
          --pcap FILE              the corpus (default: testdata/ovs-sflow.pcap)
          --json FILE              where the results go (default: .cache/pipeline-bench/results.json)
          --pid-file FILE          write the PIDs of the broker and ZooKeeper JVMs here, for a wrapper to clean up
        """;

    public IReadOnlyList<int> Rates { get; init; } = [20_000, 30_000, 40_000, 50_000, 60_000, 80_000, 100_000];

    public int Seconds { get; init; } = 10;

    public IReadOnlyList<BusKind> Buses { get; init; } = [BusKind.InProcess, BusKind.Kafka];

    public int Consumers { get; init; } = 1;

    public int Partitions { get; init; } = 4;

    public IReadOnlyDictionary<string, string> KafkaConfig { get; init; } = new Dictionary<string, string>();

    public bool BlockWhenExportFull { get; init; }

    public double MaxLagSeconds { get; init; } = 2;

    public double DrainTimeoutSeconds { get; init; } = 60;

    public int StopAfter { get; init; } = 2;

    public double MaxBackgroundPercent { get; init; } = 30;

    public double QuietTimeoutSeconds { get; init; } = 120;

    public int Retries { get; init; } = 2;

    public int WarmupSeconds { get; init; } = 60;

    public int ReceiveBufferBytes { get; init; } = 32 * 1024 * 1024;

    public string Pcap { get; init; } = SFlowCorpus.DefaultPath;

    public string JsonPath { get; init; } = Path.Combine(RepositoryPaths.Root, ".cache", "pipeline-bench", "results.json");

    public string? PidFile { get; init; }

    /// <summary>Reads the command line; throws <see cref="ArgumentException"/> with what is wrong.</summary>
    public static PipelineOptions Parse(IReadOnlyList<string> args)
    {
        var options = new PipelineOptions();
        var kafkaConfig = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            options = name switch
            {
                "--rates" => options with { Rates = [.. Words(Value()).Select(Positive)] },
                "--seconds" => options with { Seconds = Positive(Value()) },
                "--buses" => options with { Buses = [.. Words(Value()).Select(ParseBus).Distinct()] },
                "--consumers" => options with { Consumers = Positive(Value()) },
                "--partitions" => options with { Partitions = Positive(Value()) },
                "--kafka-config" => AddKafkaConfig(options, kafkaConfig, Value()),
                "--export-full" => options with { BlockWhenExportFull = Value() switch { "block" => true, "drop" => false, var v => throw new ArgumentException($"--export-full: drop or block, not '{v}'") } },
                "--max-lag" => options with { MaxLagSeconds = Number(Value()) },
                "--drain-timeout" => options with { DrainTimeoutSeconds = Number(Value()) },
                "--stop-after" => options with { StopAfter = (int)Number(Value()) },
                "--max-background" => options with { MaxBackgroundPercent = Number(Value()) },
                "--quiet-timeout" => options with { QuietTimeoutSeconds = Number(Value()) },
                "--retries" => options with { Retries = (int)Number(Value()) },
                "--warmup" => options with { WarmupSeconds = (int)Number(Value()) },
                "--receive-buffer" => options with { ReceiveBufferBytes = Positive(Value()) },
                "--pcap" => options with { Pcap = Path.GetFullPath(Value()) },
                "--json" => options with { JsonPath = Path.GetFullPath(Value()) },
                "--pid-file" => options with { PidFile = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"unknown argument '{name}'"),
            };
        }

        if (options.Rates.Count == 0 || options.Buses.Count == 0)
        {
            throw new ArgumentException("--rates and --buses need at least one value");
        }

        return options;
    }

    private static PipelineOptions AddKafkaConfig(PipelineOptions options, Dictionary<string, string> config, string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--kafka-config: KEY=VALUE, not '{pair}'");
        }

        config[pair[..equals]] = pair[(equals + 1)..];
        return options with { KafkaConfig = config };
    }

    private static string[] Words(string value) => value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The bus called <paramref name="name"/> on a command line; throws <see cref="ArgumentException"/> when there is none.</summary>
    public static BusKind ParseBus(string name) => name switch
    {
        "inprocess" or "in-process" => BusKind.InProcess,
        "kafka" => BusKind.Kafka,
        _ => throw new ArgumentException($"unknown bus '{name}': inprocess or kafka"),
    };

    private static int Positive(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"'{value}' is not a positive whole number");

    private static double Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new ArgumentException($"'{value}' is not a number of at least 0");
}
