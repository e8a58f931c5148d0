using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Alerting.Delivery;
using NetworkMachinery.Alerting.Delivery.Secrets;
using NetworkMachinery.Alerting.Engine;
using NetworkMachinery.Alerting.Pipeline;
using NetworkMachinery.Bus;
using NetworkMachinery.Bus.InProcess;
using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Bus.Metrics;
using NetworkMachinery.Collector.Export;
using NetworkMachinery.Collector.Hosting;
using NetworkMachinery.Collector.Ingest;
using NetworkMachinery.Collector.Metrics;
using NetworkMachinery.Netm.Hosting;
using NetworkMachinery.Netm.Probe;
using NetworkMachinery.Operator.Validation;
using NetworkMachinery.Prober.Metrics;

namespace NetworkMachinery.Netm.Run;

/// <summary>
/// <c>netm run</c>: the whole system in one process, without a cluster. The collector receives sFlow and puts its
/// records on an in-process bus; the connectivity tests run on their schedules from named network namespaces and put
/// their results on it too; alerting reads both, evaluates the monitors, and writes each event to stdout and to the
/// monitors' channels. The same components and topics as in a cluster, with the bus in memory (or on Kafka).
/// </summary>
internal static partial class StandaloneRun
{
    public static async Task<int> RunAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        using var loggerFactory = ConsoleLogging.Create(settings.LogLevel);
        var logger = loggerFactory.CreateLogger("netm.run");
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var time = TimeProvider.System;
        var topics = settings.Topics;
        var busMetrics = new BusMetrics(registry);
        await using IMessageBus bus = settings.Kafka is { } kafka
            ? new KafkaBus(kafka, loggerFactory, time, busMetrics)
            : new InProcessBus(loggerFactory: loggerFactory, time: time, metrics: busMetrics);
        if (bus is KafkaBus kafkaBus && kafkaBus.CheckReachable(KafkaCliOptions.ReachabilityTimeout) is { } problem)
        {
            KafkaUnreachable(logger, settings.Kafka!.BootstrapServers, problem);
        }

        await using var export = new ExportSink(bus.CreateProducer("collector"), new ExportOptions { Topics = topics }, registry, loggerFactory.CreateLogger("netm.collector"));
        await using var collector = new SFlowCollector(new CollectorOptions { Socket = new SocketOptions { Listen = settings.SFlowListen } }, export, loggerFactory, registry);
        try
        {
            collector.Start();
        }
        catch (SocketException e)
        {
            await Console.Error.WriteLineAsync($"netm run: cannot receive sFlow on {settings.SFlowListen}: {e.Message} (choose another with --sflow-listen)");
            return 1;
        }

        await using var resultsProducer = bus.CreateProducer("prober");
        using var probing = new StandaloneProbing(settings.NetnsDirectory, time, new ProberMetrics(registry), runner => new PublishingTaskRunner(runner, resultsProducer, topics));
        var tests = new ScheduledTests(probing.Probe, time, loggerFactory.CreateLogger("netm.prober"));

        // Channels give their URLs inline here; a Secret reference has nothing to resolve against and fails its channel.
        await using var services = new ServiceCollection()
            .AddSingleton(loggerFactory)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddSingleton(registry)
            .AddSingleton(time)
            .AddSingleton<ISecretResolver>(new StaticSecretResolver([]))
            .AddNotificationDelivery()
            .BuildServiceProvider();
        var deliveryLogger = loggerFactory.CreateLogger("netm.delivery");
        await using var deliveries = new ChannelDeliverySink(services.GetRequiredService<NotificationDelivery>(), new LoggingStatusSink(deliveryLogger), deliveryLogger);
        await using var events = new BusEventPublisher(bus.CreateProducer("alerting"), topics);
        var pipeline = new AlertingPipeline(
            bus,
            topics,
            new MonitorEngine(time, new AlertingMetrics(registry), ValidationMode.Standalone),
            [new JsonLinesEventWriter(Console.Out), events, deliveries],
            new AlertingOptions { TickInterval = settings.Tick },
            time,
            loggerFactory.CreateLogger("netm.alerting"));
        pipeline.SetMonitors(settings.Monitors);

        MetricsServer? metrics = null;
        if (settings.MetricsListen is { } endpoint)
        {
            try
            {
                metrics = await MetricsServer.StartAsync(endpoint, registry, () => !collector.Completion.IsFaulted, loggerFactory, cancellationToken);
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"netm run: cannot serve metrics on {endpoint}: {e.Message} (choose another with --metrics-listen, or none)");
                return 1;
            }
        }

        await using (metrics)
        {
            Started(logger, settings.Monitors.Count, settings.Tests.Count, settings.Kafka is { } k ? $"Kafka at {k.BootstrapServers}" : "the in-process bus", settings.SFlowListen.ToString(), metrics is null ? "off" : new Uri(metrics.Address, "metrics").ToString());
            try
            {
                await Task.WhenAll(pipeline.RunAsync(cancellationToken), tests.RunAsync(settings.Tests, cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C or SIGTERM: stop.
            }
        }

        await collector.StopAsync();
        await Console.Error.WriteLineAsync($"netm run: {collector.GetStatistics()}");
        return 0;
    }

    [LoggerMessage(2, LogLevel.Warning, "Kafka at {Bootstrap} does not answer yet ({Problem}); records wait and are sent once it does")]
    private static partial void KafkaUnreachable(ILogger logger, string bootstrap, string problem);

    [LoggerMessage(1, LogLevel.Information, "Running {Monitors} monitors and {Tests} connectivity tests over {Bus}; sFlow on {SFlow}, metrics on {Metrics}; events on stdout")]
    private static partial void Started(ILogger logger, int monitors, int tests, string bus, string sflow, string metrics);
}
