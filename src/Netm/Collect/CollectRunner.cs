using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Collector.Hosting;
using NetworkMachinery.Collector.Metrics;
using NetworkMachinery.Collector.Sinks;

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

        await using var sinkScope = sink;
        await using var collector = new SFlowCollector(new CollectorOptions { Socket = settings.Socket }, sink, loggerFactory);
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
        await ReportUntilStoppedAsync(collector, cancellationToken);
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
        return 0;
    }

    private async Task ReportUntilStoppedAsync(SFlowCollector collector, CancellationToken cancellationToken)
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
        [LoggerMessage(100, LogLevel.Information, "Metrics on {Url}")]
        public static partial void Metrics(ILogger logger, Uri url);

        [LoggerMessage(101, LogLevel.Information, "{DatagramRate} datagrams/s, {FlowRate} flows/s; total {Decoded} decoded, {Malformed} malformed, {Dropped} dropped, {Lost} missing from sequences; {Agents} agents")]
        public static partial void Progress(ILogger logger, string datagramRate, string flowRate, long decoded, long malformed, long dropped, long lost, int agents);
    }
}
