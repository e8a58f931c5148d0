using System.CommandLine;
using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Bus.Topics;

namespace NetworkMachinery.Netm.Hosting;

/// <summary>The options every command that talks to Kafka takes: --kafka, --kafka-config and --topic-prefix.</summary>
internal sealed class KafkaCliOptions
{
    /// <summary>How long a command waits at start for the cluster to answer before it says it is unreachable.</summary>
    public static readonly TimeSpan ReachabilityTimeout = TimeSpan.FromSeconds(5);

    public KafkaCliOptions(bool required)
    {
        Bootstrap = new Option<string?>("--kafka")
        {
            Description = "Kafka bootstrap servers, HOST:PORT[,HOST:PORT...]." + (required ? "" : " Without it the records stay in this process."),
            HelpName = "BOOTSTRAP",
            Required = required,
        };
        Config = new Option<string[]>("--kafka-config")
        {
            Description = "A librdkafka property (KEY=VALUE), applied over the defaults; repeatable. E.g. --kafka-config security.protocol=SSL.",
            HelpName = "KEY=VALUE",
            DefaultValueFactory = _ => [],
        };
        Config.Validators.Add(result =>
        {
            foreach (var pair in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (pair.IndexOf('=', StringComparison.Ordinal) <= 0)
                {
                    result.AddError($"--kafka-config takes KEY=VALUE, not '{pair}'");
                }
            }
        });
        TopicPrefix = new Option<string>("--topic-prefix")
        {
            Description = "Prefix of the topic names (PREFIX.flows, PREFIX.counters, ...).",
            DefaultValueFactory = _ => new BusTopics().Prefix,
            HelpName = "PREFIX",
        };
    }

    public Option<string?> Bootstrap { get; }

    public Option<string[]> Config { get; }

    public Option<string> TopicPrefix { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Bootstrap);
        command.Options.Add(Config);
        command.Options.Add(TopicPrefix);
    }

    /// <summary>The Kafka settings asked for, or null without --kafka.</summary>
    public KafkaSettings? Settings(ParseResult parse) => parse.GetValue(Bootstrap) is { Length: > 0 } bootstrap
        ? new KafkaSettings
        {
            BootstrapServers = bootstrap,
            Properties = parse.GetValue(Config)!.Select(pair => pair.Split('=', 2)).ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim(), StringComparer.Ordinal),
        }
        : null;

    public BusTopics Topics(ParseResult parse) => new(parse.GetRequiredValue(TopicPrefix));
}
