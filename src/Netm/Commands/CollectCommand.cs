using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Collector.Export;
using NetworkMachinery.Collector.Ingest;
using NetworkMachinery.Netm.Collect;
using NetworkMachinery.Netm.Hosting;

namespace NetworkMachinery.Netm.Commands;

/// <summary><c>netm collect</c>: run the sFlow collector.</summary>
internal static class CollectCommand
{
    public const string DefaultMetricsListen = "[::]:9343";

    public static Command Create()
    {
        var defaults = new SocketOptions();
        var listen = new Option<IPEndPoint>("--listen")
        {
            Description = "UDP address to receive sFlow on (HOST:PORT; :PORT means every address, IPv4 and IPv6).",
            CustomParser = result => EndpointParser.Parse(result)!,
            DefaultValueFactory = _ => defaults.Listen,
            HelpName = "HOST:PORT",
        };
        var output = new Option<string>("--output")
        {
            Description = "Where flow and counter records go, as JSON lines: stdout, a file path (appended to), or none (decode and account only).",
            DefaultValueFactory = _ => "stdout",
            HelpName = "stdout|FILE|none",
        };
        var metricsListen = new Option<string>("--metrics-listen")
        {
            Description = "Where to serve Prometheus metrics (/metrics) and /healthz over HTTP, or none.",
            DefaultValueFactory = _ => DefaultMetricsListen,
            HelpName = "HOST:PORT|none",
        };
        metricsListen.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value != "none" && !EndpointParser.TryParse(value, out _, out var error))
            {
                result.AddError(error);
            }
        });
        var loops = new Option<int>("--receive-loops")
        {
            Description = "Receive loops (each a socket with SO_REUSEPORT and a decode worker).",
            DefaultValueFactory = _ => defaults.ReceiveLoops,
        };
        loops.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 64)
            {
                result.AddError("--receive-loops must be between 1 and 64");
            }
        });
        var receiveBuffer = new Option<int>("--receive-buffer")
        {
            Description = "Kernel receive buffer per socket, in bytes.",
            DefaultValueFactory = _ => defaults.ReceiveBufferBytes,
        };
        var queueBytes = new Option<int>("--queue-bytes")
        {
            Description = "Bytes each receive loop may queue for its decode worker before it stops receiving and lets the socket buffer hold what arrives.",
            DefaultValueFactory = _ => defaults.QueueBytes,
        };
        var statsInterval = new Option<double>("--stats-interval")
        {
            Description = "Seconds between progress lines on stderr.",
            DefaultValueFactory = _ => 10,
        };
        var logLevel = new Option<LogLevel>("--log-level")
        {
            Description = "Least severe log messages shown on stderr.",
            DefaultValueFactory = _ => LogLevel.Information,
        };

        var kafka = new KafkaCliOptions(required: false);
        var exportDefaults = new ExportOptions();
        var exportQueue = new Option<int>("--export-queue")
        {
            Description = "Records (flows and counters) the decode workers may queue for the Kafka exporter.",
            DefaultValueFactory = _ => exportDefaults.QueueRecords,
            HelpName = "RECORDS",
        };
        var exportFull = new Option<ExportFullPolicy>("--export-full")
        {
            Description = "When that queue is full: drop (and count) the records, or block the decode workers (the socket buffer then fills, and the kernel drops and counts).",
            DefaultValueFactory = _ => exportDefaults.FullPolicy,
        };

        var command = new Command("collect", "Receive sFlow datagrams, decode them, account for loss per agent, and write flow and counter records (to JSON lines, and to Kafka with --kafka).")
        {
            listen, output, metricsListen, loops, receiveBuffer, queueBytes, statsInterval, logLevel, exportQueue, exportFull,
        };
        kafka.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var metrics = parse.GetRequiredValue(metricsListen);
            IPEndPoint? metricsEndpoint = null;
            if (metrics != "none" && EndpointParser.TryParse(metrics, out var parsed, out _))
            {
                metricsEndpoint = parsed;
            }

            var settings = new CollectSettings
            {
                Socket = defaults with
                {
                    Listen = parse.GetRequiredValue(listen),
                    ReceiveLoops = parse.GetValue(loops),
                    ReceiveBufferBytes = parse.GetValue(receiveBuffer),
                    QueueBytes = parse.GetValue(queueBytes),
                },
                Output = parse.GetRequiredValue(output),
                MetricsListen = metricsEndpoint,
                StatsInterval = TimeSpan.FromSeconds(Math.Max(0.1, parse.GetValue(statsInterval))),
                LogLevel = parse.GetValue(logLevel),
                Kafka = kafka.Settings(parse),
                Export = new ExportOptions
                {
                    Topics = kafka.Topics(parse),
                    QueueRecords = Math.Max(1, parse.GetValue(exportQueue)),
                    FullPolicy = parse.GetValue(exportFull),
                },
            };
            using var loggerFactory = ConsoleLogging.Create(settings.LogLevel);
            return await new CollectRunner(settings, loggerFactory).RunAsync(cancellationToken);
        });
        return command;
    }
}
