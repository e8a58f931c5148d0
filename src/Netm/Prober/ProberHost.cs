using Microsoft.Extensions.Logging;
using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Bus.Metrics;
using NetworkMachinery.Collector.Metrics;
using NetworkMachinery.Netm.Hosting;
using NetworkMachinery.Prober.Agent;
using NetworkMachinery.Prober.Execution;
using NetworkMachinery.Prober.Metrics;
using NetworkMachinery.Prober.Namespaces;

namespace NetworkMachinery.Netm.Prober;

/// <summary>
/// <c>netm prober</c>: the node agent. Takes its node's probe tasks from Kafka, finds each source pod's network
/// namespace through the kubepods cgroups of the host's processes, probes from inside it, and sends the results back.
/// </summary>
internal static partial class ProberHost
{
    public static async Task<int> RunAsync(ProberSettings settings, CancellationToken cancellationToken)
    {
        using var loggerFactory = ConsoleLogging.Create(settings.LogLevel);
        var logger = loggerFactory.CreateLogger("netm.prober");
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var time = TimeProvider.System;
        await using var bus = new KafkaBus(settings.Kafka, loggerFactory, time, new BusMetrics(registry));
        if (bus.CheckReachable(KafkaCliOptions.ReachabilityTimeout) is { } problem)
        {
            KafkaUnreachable(logger, settings.Kafka.BootstrapServers, problem);
        }

        using var switcher = new NamespaceSwitcher();
        using var runner = new ProbeRunner(settings.Probes, new ProcPodResolver(settings.ProcRoot), switcher, ProbeKinds.All(time), time, new ProberMetrics(registry));
        await using var agent = new ProberAgent(bus, settings.Topics, runner, settings.Agent, new AgentMetrics(registry), time, loggerFactory);
        MetricsServer metrics;
        try
        {
            metrics = await MetricsServer.StartAsync(settings.Listen, registry, () => true, loggerFactory, cancellationToken);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"netm prober: cannot serve metrics on {settings.Listen}: {e.Message}");
            return 1;
        }

        await using (metrics)
        {
            Started(logger, settings.Agent.Node, settings.Kafka.BootstrapServers, settings.Topics.ProbeTasks, new Uri(metrics.Address, "metrics"));
            await agent.RunAsync(cancellationToken);
        }

        return 0;
    }

    [LoggerMessage(1, LogLevel.Information, "Prober of node {Node}: tasks from {Bootstrap} ({Topic}), metrics on {Metrics}")]
    private static partial void Started(ILogger logger, string node, string bootstrap, string topic, Uri metrics);

    [LoggerMessage(2, LogLevel.Warning, "Kafka at {Bootstrap} does not answer yet ({Problem}); the prober keeps trying and takes tasks once it does")]
    private static partial void KafkaUnreachable(ILogger logger, string bootstrap, string problem);
}
