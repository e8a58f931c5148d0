using System.CommandLine;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Netm.Hosting;
using NetworkMachinery.Netm.Tail;

namespace NetworkMachinery.Netm.Commands;

/// <summary><c>netm tail</c>: print the records of a topic, decoded, for people debugging the pipeline.</summary>
internal static class TailCommand
{
    public static Command Create()
    {
        var topic = new Argument<string>("topic")
        {
            Description = "The topic: flows, counters, probe-tasks, probe-results, events or dead-letters (prefixed with --topic-prefix), or a full topic name.",
        };
        var kafka = new KafkaCliOptions(required: true);
        var fromBeginning = new Option<bool>("--from-beginning") { Description = "Start at the oldest message the topic keeps, rather than at new ones." };
        var max = new Option<long?>("--max") { Description = "Exit after printing this many records.", HelpName = "N" };
        max.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long?>() is < 1)
            {
                result.AddError("--max must be at least 1");
            }
        });
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Least severe log messages shown on stderr.", DefaultValueFactory = _ => LogLevel.Warning };

        var command = new Command("tail", "Print the records of a topic, decoded: one JSON object per record on stdout.") { topic, fromBeginning, max, logLevel };
        kafka.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var topics = kafka.Topics(parse);
            var name = parse.GetRequiredValue(topic);
            var fullName = name.Contains('.', StringComparison.Ordinal) ? name : $"{topics.Prefix}.{name}";
            if (TopicDecoder.For(fullName, topics) is not { } decoder)
            {
                await Console.Error.WriteLineAsync($"netm tail: '{name}' is not one of the {topics.Prefix}.* topics (flows, counters, probe-tasks, probe-results, events, dead-letters)");
                return 2;
            }

            var settings = kafka.Settings(parse)!;

            // A private group that commits nothing: tailing must not move anyone's offsets.
            var properties = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["enable.auto.commit"] = "false",
                ["auto.offset.reset"] = parse.GetValue(fromBeginning) ? "earliest" : "latest",
            };
            foreach (var (key, value) in settings.Properties)
            {
                properties[key] = value;
            }

            using var loggerFactory = ConsoleLogging.Create(parse.GetValue(logLevel));
            await using var bus = new KafkaBus(settings with { Properties = properties }, loggerFactory);

            // Tailing a cluster that does not answer would print nothing, forever: say why instead.
            if (bus.CheckReachable(KafkaCliOptions.ReachabilityTimeout) is { } problem)
            {
                await Console.Error.WriteLineAsync($"netm tail: Kafka at {settings.BootstrapServers} is not reachable: {problem}");
                return 1;
            }

            using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var printer = new Printer(decoder, parse.GetValue(max), done);
            await using var consumer = bus.CreateConsumer(new ConsumerOptions
            {
                GroupId = $"netm-tail-{Guid.NewGuid():N}",
                Topics = [fullName],
                Handler = printer,
                MaxAttempts = 1,
                DeadLetterTopic = topics.DeadLetters,
            });
            await consumer.RunAsync(done.Token);
            await Console.Out.FlushAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }

    /// <summary>Prints each record; a message that does not parse is reported on stderr and skipped.</summary>
    private sealed class Printer(TopicDecoder decoder, long? max, CancellationTokenSource done) : IMessageHandler
    {
        private long _printed;

        public async ValueTask HandleAsync(ConsumedMessage message, CancellationToken cancellationToken)
        {
            try
            {
                foreach (var line in decoder.Decode(message.Value))
                {
                    if (max is { } limit && _printed >= limit)
                    {
                        break;
                    }

                    await Console.Out.WriteLineAsync(line.AsMemory(), cancellationToken);
                    _printed++;
                }
            }
            catch (InvalidProtocolBufferException e)
            {
                await Console.Error.WriteLineAsync($"netm tail: {message.Topic}/{message.Partition}@{message.Offset} does not parse: {e.Message}");
            }

            if (max is { } total && _printed >= total)
            {
                await done.CancelAsync();
            }
        }
    }
}
