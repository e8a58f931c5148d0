using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Bus.Metrics;
using NetworkMachinery.Collector.Export;
using NetworkMachinery.Collector.Hosting;
using NetworkMachinery.Collector.Metrics;
using NetworkMachinery.Collector.Sinks;
using NetworkMachinery.Netm.Hosting;

namespace NetworkMachinery.Netm.Collect;

/// <summary>Runs the collector until cancelled, reporting progress on stderr, then prints a summary.</summary>
internal sealed partial class CollectRunner(CollectSettings settings, ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("netm.collect");

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        IRecordSink sink;
        try
        {
            sink = settings.Output switch
            {
                "none" => new NullSink(),
                "stdout" or "-" => JsonLinesSink.ToStandardOutput(_logger),
                var path => JsonLinesSink.ToFile(path, _logger),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"netm collect: cannot open output '{settings.Output}': {e.Message}");
            return 1;
        }

        var registry = Prometheus.Metrics.NewCustomRegistry();
        await using var kafka = settings.Kafka is { } kafkaSettings ? new KafkaBus(kafkaSettings, loggerFactory, metrics: new BusMetrics(registry)) : null;
        ExportSink? export = null;
        if (kafka is not null)
        {
            if (kafka.CheckReachable(KafkaCliOptions.ReachabilityTimeout) is { } problem)
            {
                Log.KafkaUnreachable(_logger, settings.Kafka!.BootstrapServers, problem, settings.Export.QueueRecords, settings.Kafka.ProducerQueueMessages);
            }

            export = new ExportSink(kafka.CreateProducer("collector"), settings.Export, registry, _logger);
            sink = new CompositeSink([sink, export]);
        }

        await using var sinkScope = sink;
        await using var collector = new SFlowCollector(new CollectorOptions { Socket = settings.Socket }, sink, loggerFactory, registry);
        try
        {
            collector.Start();
        }
        catch (SocketException e)
        {
            await Console.Error.WriteLineAsync($"netm collect: cannot listen on {settings.Socket.Listen}: {e.Message}");
            return 1;
        }

        MetricsServer? metrics = null;
        if (settings.MetricsListen is { } metricsEndpoint)
        {
            try
            {
                metrics = await MetricsServer.StartAsync(metricsEndpoint, collector.Registry, () => !collector.Completion.IsFaulted, loggerFactory, cancellationToken);
                Log.Metrics(_logger, new Uri(metrics.Address, "metrics"));
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"netm collect: cannot serve metrics on {metricsEndpoint}: {e.Message}");
                return 1;
            }
        }

        await using var metricsScope = metrics;
        await ReportUntilStoppedAsync(collector, export, cancellationToken);
        try
        {
            await collector.StopAsync();
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"netm collect: a decode worker failed: {e.Message}");
            await Console.Error.WriteLineAsync($"netm collect: {collector.GetStatistics()}");
            return 1;
        }

        await Console.Error.WriteLineAsync($"netm collect: {collector.GetStatistics()}");
        if (export is not null)
        {
            await Console.Error.WriteLineAsync($"netm collect: to Kafka: {Describe(export)}");
        }

        return 0;
    }

    private static string Describe(ExportSink export)
    {
        var statistics = export.GetStatistics();
        var producer = export.Producer.GetStatistics();
        return $"{statistics.FlowsQueued} flow and {statistics.CountersQueued} counter records queued, " +
            $"{statistics.FlowsDropped + statistics.CountersDropped} dropped (export queue full); " +
            $"{producer.Delivered} of {producer.Queued} messages delivered, {producer.Failed.Values.Sum()} failed, {producer.InFlight} in flight";
    }

    private async Task ReportUntilStoppedAsync(SFlowCollector collector, ExportSink? export, CancellationToken cancellationToken)
    {
        var previous = collector.GetStatistics();
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(settings.StatsInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (collector.Completion.IsFaulted)
                {
                    return;
                }

                var current = collector.GetStatistics();
                var seconds = clock.Elapsed.TotalSeconds;
                clock.Restart();
                Log.Progress(
                    _logger,
                    ((current.DatagramsReceived - previous.DatagramsReceived) / seconds).ToString("F0", CultureInfo.InvariantCulture),
                    ((current.FlowRecords - previous.FlowRecords) / seconds).ToString("F0", CultureInfo.InvariantCulture),
                    current.DatagramsDecoded,
                    current.DatagramsMalformed,
                    current.DatagramsDropped,
                    current.LostDatagrams,
                    current.Agents);
                if (export is not null)
                {
                    Log.ExportProgress(_logger, Describe(export));
                }

                previous = current;
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: stop gracefully.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(102, LogLevel.Information, "To Kafka: {Progress}")]
        public static partial void ExportProgress(ILogger logger, string progress);

        [LoggerMessage(103, LogLevel.Error, "Kafka at {Bootstrap} is not reachable: {Problem}. Receiving goes on; records wait (up to {QueueRecords} in the export queue, then up to {ProducerMessages} messages in the producer) and are sent when it is back, retried with backoff for up to 5 minutes each; what does not fit is dropped and counted")]
        public static partial void KafkaUnreachable(ILogger logger, string bootstrap, string problem, int queueRecords, int producerMessages);

        [LoggerMessage(100, LogLevel.Information, "Metrics on {Url}")]
        public static partial void Metrics(ILogger logger, Uri url);

        [LoggerMessage(101, LogLevel.Information, "{DatagramRate} datagrams/s, {FlowRate} flows/s; total {Decoded} decoded, {Malformed} malformed, {Dropped} dropped, {Lost} missing from sequences; {Agents} agents")]
        public static partial void Progress(ILogger logger, string datagramRate, string flowRate, long decoded, long malformed, long dropped, long lost, int agents);
    }
}
