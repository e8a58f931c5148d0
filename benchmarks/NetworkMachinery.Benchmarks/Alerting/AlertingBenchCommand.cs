using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Benchmarks.Operator;
using NetworkMachinery.Benchmarks.Pipeline;
using NetworkMachinery.Testing.Kafka;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;
using NetworkMachinery.Testing.SFlow;

namespace NetworkMachinery.Benchmarks.Alerting;

/// <summary>
/// <c>alerting</c>: the time from an sFlow datagram sent to <c>netm run</c> until the webhook call it causes reaches a
/// Kestrel receiver in this process, one datagram per trial, for each bus and tick (a fresh <c>netm run</c> each).
/// Markdown on stdout, progress on stderr.
/// </summary>
internal static class AlertingBenchCommand
{
    private const uint SamplingRate = 100;
    private static readonly IPAddress Destination = IPAddress.Parse("10.99.0.1");
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    // Webhooks of the datagrams sent while the consumers were still joining may come late: they are let in before timing.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public static Task<int> RunAsync(IReadOnlyList<string> args) => WholeRun.RunAsync("alerting", args, AlertingBenchOptions.Usage, AlertingBenchOptions.Parse, RunAsync);

    private static async Task<int> RunAsync(AlertingBenchOptions options, CancellationToken cancellationToken)
    {
        KafkaBroker? broker = null;
        try
        {
            if (options.Buses.Contains(BusKind.Kafka))
            {
                Log("starting Kafka 0.9.0.1 and ZooKeeper...");
                broker = await KafkaBroker.StartAsync(cancellationToken);
                Log($"broker on {broker.BootstrapServers} (PID {broker.BrokerProcessId}), ZooKeeper PID {broker.ZooKeeperProcessId}");
            }

            await using var arrivals = await WebhookArrivals.StartAsync(cancellationToken);
            Log($"webhook receiver on {arrivals.Url}");
            var cases = new List<CaseResult>();
            foreach (var tick in options.Ticks)
            {
                foreach (var bus in options.Buses)
                {
                    var result = await MeasureAsync(options, bus, tick, cases.Count, broker, arrivals, cancellationToken);
                    Log($"{AlertingBenchReport.Name(bus)}, tick {AlertingBenchReport.Format(tick)}: p50 {result.Total.P50:0} ms, p99 {result.Total.P99:0} ms, max {result.Total.Max:0} ms, {result.Lost} lost");
                    cases.Add(result);
                }
            }

            Console.WriteLine(AlertingBenchReport.Markdown(options, cases, arrivals.Unexpected));
            return cases.All(c => c.Lost == 0) ? 0 : 1;
        }
        finally
        {
            if (broker is not null)
            {
                await broker.DisposeAsync();
            }
        }
    }

    private static async Task<CaseResult> MeasureAsync(
        AlertingBenchOptions options, BusKind bus, TimeSpan tick, int index, KafkaBroker? broker, WebhookArrivals arrivals, CancellationToken cancellationToken)
    {
        var port = FreePorts.Udp();
        List<string> arguments = ["--tick", AlertingBenchReport.Format(tick)];
        if (bus == BusKind.Kafka)
        {
            arguments.AddRange(broker!.CommandLineArguments($"bench{index}{Guid.NewGuid():N}"[..16]));
        }

        Log($"{AlertingBenchReport.Name(bus)}, tick {AlertingBenchReport.Format(tick)}: starting netm run (sFlow on 127.0.0.1:{port})...");
        await using var run = await NetmRunProcess.StartAsync(Manifest(arrivals.Url, options.Window), port, extraArguments: arguments, cancellationToken: cancellationToken);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var trials = new Trials(socket, new IPEndPoint(IPAddress.Loopback, port), arrivals, index);

        // The first webhook shows every stage up (over Kafka, the consumer groups joined): one datagram a second until then.
        var clock = Stopwatch.StartNew();
        var waits = new List<Task<Arrival>>();
        while (!waits.Any(w => w.IsCompleted))
        {
            if (clock.Elapsed > ReadyTimeout)
            {
                throw new TimeoutException($"no webhook arrived within {ReadyTimeout.TotalSeconds:0} s of netm run starting; its stderr:\n{run.Process.StandardError}");
            }

            waits.Add(trials.Send().Arrival);
            await Task.WhenAny(Task.WhenAny(waits), Task.Delay(TimeSpan.FromSeconds(1), cancellationToken));
        }

        Log($"first webhook after {clock.Elapsed.TotalSeconds:0.0} s ({waits.Count} datagrams); {options.Warmup} warm-up trials, then {options.Trials} timed");
        await Task.Delay(Settle, cancellationToken);
        for (var i = 0; i < options.Warmup; i++)
        {
            await trials.RunAsync(options, cancellationToken);
        }

        var results = new List<TrialResult>();
        var lost = 0;
        for (var i = 0; i < options.Trials; i++)
        {
            if (await trials.RunAsync(options, cancellationToken) is { } result)
            {
                results.Add(result);
            }
            else
            {
                lost++;
                Log($"trial {i + 1}: no webhook within {options.Timeout.TotalSeconds:0} s");
            }
        }

        if (results.Count == 0)
        {
            throw new InvalidOperationException($"every trial was lost; netm run's stderr:\n{run.Process.StandardError}");
        }

        return new CaseResult(
            bus,
            tick,
            Latencies.Of([.. results.Select(r => r.TotalMs)]),
            Latencies.Of([.. results.Select(r => r.ToBucketEndMs)]),
            Latencies.Of([.. results.Select(r => r.BucketEndToArrivalMs)]),
            lost);
    }

    // Each trial's flow is new, so it raises its own condition; the hold keeps every condition raised for the run,
    // so that no clear competes with the raises for the URL's delivery rate.
    private static string Manifest(string url, string window) => $"""
        apiVersion: networkmachinery.io/v1alpha1
        kind: NetworkMonitor
        metadata:
          name: latency
        spec:
          flows:
            - name: pairs
              keys: [srcAddr, dstAddr]
              value: bytes
          thresholds:
            - name: any-talker
              flow: pairs
              value: 1000
              byFlow: true
              window: {window}
              hold: 1h
          channels:
            - name: receiver
              webhook:
                url: {url}
        """;

    private static void Log(string message) => Console.Error.WriteLine($"alerting: {message}");

    /// <summary>Sends the trials' datagrams, each from a source address of its own, and times them.</summary>
    private sealed class Trials(Socket socket, IPEndPoint collector, WebhookArrivals arrivals, int caseIndex)
    {
        private uint _sequence;
        private long _lastSend;

        /// <summary>Sends the next datagram: 1500 bytes sampled 1 in 100 is 150 kB over the window, over 1 kB/s at once for windows up to 150 s.</summary>
        public (Task<Arrival> Arrival, long Sent, DateTimeOffset SentAt) Send()
        {
            var sequence = ++_sequence;
            var source = new IPAddress([10, (byte)(100 + caseIndex), (byte)(sequence >> 8), (byte)sequence]);
            var arrival = arrivals.WhenRaised(source.ToString());
            var datagram = TalkerDatagram.Build(source, Destination, sequence, SamplingRate);
            var sentAt = DateTimeOffset.UtcNow;
            var sent = Stopwatch.GetTimestamp();
            socket.SendTo(datagram, collector);
            _lastSend = sent;
            return (arrival, sent, sentAt);
        }

        /// <summary>Waits out the gap since the last send, sends, and times the webhook; null when it did not come.</summary>
        public async Task<TrialResult?> RunAsync(AlertingBenchOptions options, CancellationToken cancellationToken)
        {
            var gap = options.Gap + (options.Jitter * Random.Shared.NextDouble());
            var wait = gap - Stopwatch.GetElapsedTime(_lastSend);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var (waiting, sent, sentAt) = Send();
            Arrival arrival;
            try
            {
                arrival = await waiting.WaitAsync(options.Timeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                return null;
            }

            return new TrialResult(
                Stopwatch.GetElapsedTime(sent, arrival.Timestamp).TotalMilliseconds,
                (arrival.RaisedAt - sentAt).TotalMilliseconds,
                (arrival.At - arrival.RaisedAt).TotalMilliseconds);
        }
    }
}
