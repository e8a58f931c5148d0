using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Alerting.Pipeline;
using NetworkMachinery.Collector.Ingest;
using NetworkMachinery.Netm.Hosting;
using NetworkMachinery.Netm.Manifests;
using NetworkMachinery.Netm.Run;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Netm.Commands;

/// <summary><c>netm run -f DIR</c>: the main job without a cluster: collector, prober and alerting in one process.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var files = new Option<string[]>("--filename", "-f")
        {
            Description = "NetworkMonitor and NetworkConnectivityTest manifests: a file, a directory of them (*.yaml, *.yml) or - for stdin; repeatable. The same YAML as the custom resources; channel URLs may be inline.",
            HelpName = "FILE|DIR",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var sflow = new Option<IPEndPoint>("--sflow-listen")
        {
            Description = "UDP address to receive sFlow on (HOST:PORT; :PORT means every address).",
            CustomParser = result => EndpointParser.Parse(result)!,
            DefaultValueFactory = _ => new SocketOptions().Listen,
            HelpName = "HOST:PORT",
        };
        var metrics = new Option<string>("--metrics-listen")
        {
            Description = "Where to serve Prometheus metrics (/metrics) and /healthz over HTTP, or none.",
            DefaultValueFactory = _ => "[::]:9345",
            HelpName = "HOST:PORT|none",
        };
        metrics.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is var value && value != "none" && !EndpointParser.TryParse(value, out _, out var error))
            {
                result.AddError(error);
            }
        });
        var netns = new Option<string>("--netns-dir")
        {
            Description = "Where named network namespaces are: a pod NAME in a test is the namespace NAME there, its IP the first global address inside it.",
            DefaultValueFactory = _ => "/run/netns",
            HelpName = "DIR",
        };
        var tick = new Option<TimeSpan>("--tick")
        {
            Description = "How often alerting closes window buckets and judges the thresholds (Go duration, at least 10ms). A tick bounds how long a crossing waits to be judged; shorter costs wakeups when idle.",
            CustomParser = result => DurationParser.Parse(result, RunSettings.MinimumTick, "--tick takes a duration of at least 10ms, such as 250ms"),
            DefaultValueFactory = _ => new AlertingOptions().TickInterval,
            HelpName = "DURATION",
        };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Least severe log messages shown on stderr.", DefaultValueFactory = _ => LogLevel.Information };
        var kafka = new KafkaCliOptions(required: false);
        var command = new Command("run", "Run the system without a cluster: receive sFlow, run the connectivity tests on their schedules, evaluate the monitors over both, and write each event as a JSON line to stdout and to the monitors' channels. The components meet on an in-process bus, or on Kafka with --kafka. Exit code 2 when a manifest is invalid.")
        {
            files, sflow, metrics, netns, tick, logLevel,
        };
        kafka.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var manifests = ManifestFiles.Load(
                parse.GetRequiredValue(files),
                Console.In,
                "netm run",
                [typeof(V1Alpha1NetworkMonitor), typeof(V1Alpha1NetworkConnectivityTest)]);
            foreach (var note in manifests.Skipped)
            {
                await Console.Error.WriteLineAsync($"netm run: skipping {note}");
            }

            foreach (var problem in manifests.Problems)
            {
                await Console.Error.WriteLineAsync($"netm run: {problem}");
            }

            if (manifests.Problems.Count > 0)
            {
                return 2;
            }

            if (manifests.Resources.Count == 0)
            {
                await Console.Error.WriteLineAsync("netm run: no NetworkMonitor or NetworkConnectivityTest in the manifests given");
                return 2;
            }

            var metricsListen = parse.GetRequiredValue(metrics);
            return await StandaloneRun.RunAsync(
                new RunSettings
                {
                    Monitors = manifests.Of<V1Alpha1NetworkMonitor>(),
                    Tests = manifests.Of<V1Alpha1NetworkConnectivityTest>(),
                    SFlowListen = parse.GetRequiredValue(sflow),
                    MetricsListen = metricsListen != "none" && EndpointParser.TryParse(metricsListen, out var endpoint, out _) ? endpoint : null,
                    NetnsDirectory = parse.GetRequiredValue(netns),
                    Tick = parse.GetValue(tick),
                    LogLevel = parse.GetValue(logLevel),
                    Kafka = kafka.Settings(parse),
                    Topics = kafka.Topics(parse),
                },
                cancellationToken);
        });
        return command;
    }
}
