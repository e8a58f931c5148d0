using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Bus;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.InProcess;
using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Bus.Topics;
using NetworkMachinery.Collector.Export;
using NetworkMachinery.Collector.Hosting;
using NetworkMachinery.Collector.Ingest;
using NetworkMachinery.Testing.Kafka;
using Phases = NetworkMachinery.Benchmarks.Pipeline.ThreadRoles.Phases;

namespace NetworkMachinery.Benchmarks.Pipeline;

/// <summary>
/// One step: a fresh collector on a loopback port exporting to a fresh bus (on Kafka: fresh topics), a consumer
/// group reading it, <c>netm replay</c> sending at the rate for the step's length; then waiting until the consumer
/// has every record the collector produced, and accounting for every stage.
/// </summary>
internal sealed class PipelineStep(PipelineOptions options, KafkaBroker? broker)
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan AssignmentTimeout = TimeSpan.FromSeconds(60);

    // A consumer that has not moved for this long while records are missing will not get them.
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(15);

    public async Task<StepResult> RunAsync(BusKind kind, int rate, int seconds, int attempt, CancellationToken cancellationToken)
    {
        var roles = new ThreadRoles();
        roles.Mark(Phases.Before);
        var topics = new BusTopics($"pb-{(kind == BusKind.Kafka ? "kafka" : "inproc")}-{rate}-{Guid.NewGuid():N}"[..32]);
        if (kind == BusKind.Kafka)
        {
            var kafka = broker ?? throw new InvalidOperationException("The Kafka steps need the broker.");
            await kafka.CreateTopicAsync(topics.Flows, options.Partitions, cancellationToken);
            await kafka.CreateTopicAsync(topics.Counters, options.Partitions, cancellationToken);
            await kafka.CreateTopicAsync(topics.DeadLetters, 1, cancellationToken);
        }

        await using var bus = CreateBus(kind);

        // The consumers join first: the in-process bus keeps nothing for a group that has not joined yet.
        var latencyCapacity = (int)Math.Min(int.MaxValue / 2, (long)rate * (seconds + 10));
        var handlers = new List<CountingHandler>();
        var consumers = new List<IBusConsumer>();
        using var stopConsumers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runs = new List<Task>();
        var group = $"{topics.Prefix}-group";
        try
        {
            for (var i = 0; i < options.Consumers; i++)
            {
                var handler = new CountingHandler(topics.Flows, latencyCapacity);
                handlers.Add(handler);
                consumers.Add(bus.CreateConsumer(new ConsumerOptions
                {
                    GroupId = group,
                    Topics = [topics.Flows, topics.Counters],
                    Handler = handler,
                    IdentityOf = DatagramIdentity.Of,
                    DeadLetterTopic = topics.DeadLetters,
                }));
            }

            await roles.MarkWhenSettledAsync(Phases.ConsumerClient, cancellationToken);
            runs.AddRange(consumers.Select(c => c.RunAsync(stopConsumers.Token)));
            roles.Mark(Phases.ConsumerLoop);
            if (kind == BusKind.Kafka && !await WaitAsync(() => consumers.All(c => c.GetStatistics().Rebalances > 0), AssignmentTimeout, cancellationToken))
            {
                throw new InvalidOperationException($"The consumer group {group} got no partitions within {AssignmentTimeout.TotalSeconds:0} s.");
            }

            // Joining the group made the clients connect to the coordinator.
            await roles.MarkWhenSettledAsync(Phases.ConsumerLoop, cancellationToken);

            var export = new ExportSink(
                bus.CreateProducer("collector"),
                new ExportOptions { Topics = topics, FullPolicy = options.BlockWhenExportFull ? ExportFullPolicy.Block : ExportFullPolicy.Drop },
                Prometheus.Metrics.NewCustomRegistry(),
                NullLogger.Instance);
            await roles.MarkWhenSettledAsync(Phases.ProducerClient, cancellationToken);
            await using (export)
            {
                var collectorOptions = new CollectorOptions
                {
                    Socket = new SocketOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), ReceiveBufferBytes = options.ReceiveBufferBytes },
                };
                await using var collector = new SFlowCollector(collectorOptions, export, NullLoggerFactory.Instance);
                collector.Start();
                roles.Mark(Phases.Collector);

                // Worker threads finish starting, the JIT its first compilations.
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return await MeasureAsync(new Run(kind, rate, seconds, attempt, collector, export, handlers, consumers, roles), cancellationToken);
            }
        }
        finally
        {
            await stopConsumers.CancelAsync();
            await Task.WhenAll(runs);
            foreach (var consumer in consumers)
            {
                await consumer.DisposeAsync();
            }
        }
    }

    private IMessageBus CreateBus(BusKind kind)
    {
        if (kind == BusKind.InProcess)
        {
            return new InProcessBus();
        }

        var properties = new Dictionary<string, string>(broker!.ClientProperties, StringComparer.Ordinal);
        foreach (var (key, value) in options.KafkaConfig)
        {
            properties[key] = value;
        }

        return new KafkaBus(new KafkaSettings { BootstrapServers = broker.BootstrapServers, Properties = properties });
    }

    private async Task<StepResult> MeasureAsync(Run run, CancellationToken cancellationToken)
    {
        var port = run.Collector.LocalEndPoint!.Port;
        var before = CpuSnapshot.Take(broker?.BrokerProcessId, broker?.ZooKeeperProcessId);
        var peaks = new Peaks();
        var replayTask = Replay.RunAsync(options.Pcap, port, run.Rate, run.Seconds, cancellationToken);
        while (!replayTask.IsCompleted)
        {
            peaks.Sample(run);
            await Task.WhenAny(replayTask, Task.Delay(SampleInterval, cancellationToken));
        }

        var replay = await replayTask;
        var replayEnd = Stopwatch.GetTimestamp();
        var drained = await DrainAsync(run, replay, peaks, cancellationToken);
        var after = CpuSnapshot.Take(broker?.BrokerProcessId, broker?.ZooKeeperProcessId);
        return Account(run, replay, before, after, replayEnd, drained, peaks);
    }

    /// <summary>Waits until every datagram sent has been received or dropped, and every record exported consumed.</summary>
    private async Task<bool> DrainAsync(Run run, Replay replay, Peaks peaks, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var lastProgress = started;
        var consumed = -1L;
        var settled = 0;
        while (Stopwatch.GetElapsedTime(started).TotalSeconds < options.DrainTimeoutSeconds)
        {
            peaks.Sample(run);
            var collector = run.Collector.GetStatistics();
            var export = run.Export.GetStatistics();
            var producer = run.Export.Producer.GetStatistics();
            var now = run.Handlers.Sum(h => h.Records);
            var done = collector.DatagramsDecoded + collector.DatagramsMalformed + collector.DatagramsDropped >= replay.Sent
                && export.QueuedRecords == 0
                && producer.InFlight == 0
                && now >= export.FlowsQueued + export.CountersQueued;

            // Twice in a row, unchanged: the decode workers count a datagram before they hand its records over.
            settled = done && now == consumed ? settled + 1 : 0;
            if (settled >= 2)
            {
                return true;
            }

            if (now != consumed)
            {
                consumed = now;
                lastProgress = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastProgress) > StallTimeout && export.QueuedRecords == 0 && producer.InFlight == 0)
            {
                return false;
            }

            await Task.Delay(DrainPoll, cancellationToken);
        }

        return false;
    }

    private StepResult Account(Run run, Replay replay, CpuSnapshot before, CpuSnapshot after, long replayEnd, bool drained, Peaks peaks)
    {
        var collector = run.Collector.GetStatistics();
        var export = run.Export.GetStatistics();
        var producer = run.Export.Producer.GetStatistics();
        var consumer = run.Consumers.Select(c => c.GetStatistics()).ToList();
        var flowsConsumed = run.Handlers.Sum(h => h.Flows);
        var countersConsumed = run.Handlers.Sum(h => h.Counters);
        var last = run.Handlers.Max(h => h.LastTimestamp);
        var latencies = run.Handlers.SelectMany(h => h.SortedLatencies()).Order().ToArray();
        var failures = producer.Failed.Values.Sum();
        var deadLettered = consumer.Sum(c => c.DeadLettered);
        var exportDropped = export.FlowsDropped + export.CountersDropped;
        var drainSeconds = last == 0 ? double.NaN : Math.Max(0, Stopwatch.GetElapsedTime(replayEnd, last).TotalSeconds);
        var first = run.Handlers.Select(h => h.FirstTimestamp).Where(t => t != 0).DefaultIfEmpty().Min();
        var consumeSeconds = last == 0 ? 0 : Stopwatch.GetElapsedTime(first, last).TotalSeconds;

        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Check(collector.DroppedSocketBuffer == 0, $"{collector.DroppedSocketBuffer} datagrams dropped at the socket");
        Check(collector.DatagramsReceived == replay.Sent, $"collector received {collector.DatagramsReceived} of {replay.Sent} datagrams");
        Check(collector.FlowRecords == replay.FlowSamples, $"collector produced {collector.FlowRecords} flow records of {replay.FlowSamples} flow samples sent");
        Check(exportDropped == 0, $"{exportDropped} records dropped (export queue full)");
        Check(failures == 0, $"{failures} messages not delivered");
        Check(deadLettered == 0, $"{deadLettered} messages dead-lettered");
        Check(flowsConsumed == collector.FlowRecords, $"consumed {flowsConsumed} of {collector.FlowRecords} flow records");
        Check(countersConsumed == collector.CounterRecords, $"consumed {countersConsumed} of {collector.CounterRecords} counter records");
        Check(drained, "the consumer did not get everything within the drain timeout");
        var lossless = problems.Count == 0;
        var keptUp = drained && drainSeconds <= options.MaxLagSeconds;
        if (lossless && !keptUp)
        {
            problems.Add($"the consumer finished {drainSeconds:0.0} s after the sender (allowed {options.MaxLagSeconds:0.#} s)");
        }

        return new StepResult
        {
            Bus = run.Kind,
            TargetRate = run.Rate,
            Attempt = run.Attempt,
            Sent = replay.Sent,
            AchievedRate = replay.Rate,
            ReplaySeconds = replay.ElapsedSeconds,
            SenderStalledSeconds = replay.StalledSeconds,
            FlowSamplesSent = replay.FlowSamples,
            CounterSamplesSent = replay.CounterSamples,
            DatagramsReceived = collector.DatagramsReceived,
            DatagramsDecoded = collector.DatagramsDecoded,
            DatagramsMalformed = collector.DatagramsMalformed,
            SocketDrops = collector.DroppedSocketBuffer,
            FlowRecords = collector.FlowRecords,
            CounterRecords = collector.CounterRecords,
            FlowsQueued = export.FlowsQueued,
            CountersQueued = export.CountersQueued,
            ExportDropped = exportDropped,
            ExportWorkerWaits = export.WorkerWaits,
            PeakExportQueueRecords = peaks.ExportQueue,
            MessagesProduced = producer.Queued,
            MessagesDelivered = producer.Delivered,
            DeliveryFailures = failures,
            ProducerQueueFull = producer.QueueFull,
            MessagesReceived = consumer.Sum(c => c.Received),
            Duplicates = consumer.Sum(c => c.Duplicates),
            DeadLettered = deadLettered,
            FlowsConsumed = flowsConsumed,
            CountersConsumed = countersConsumed,
            ConsumedFlowsPerSecond = consumeSeconds > 0 ? flowsConsumed / consumeSeconds : 0,
            PeakLagRecords = peaks.Lag,
            DrainSeconds = drainSeconds,
            DrainTimedOut = !drained,
            LatencyP50Ms = Percentile(latencies, 0.50),
            LatencyP99Ms = Percentile(latencies, 0.99),
            LatencyMaxMs = Percentile(latencies, 1),
            Cpu = after.Since(before, run.Roles, replay.CpuSeconds),
            Problems = problems,
            Lossless = lossless,
            KeptUp = keptUp,
        };
    }

    private static double? Percentile(long[] sorted, double quantile) =>
        sorted.Length == 0 ? null : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(quantile * sorted.Length) - 1)] / 1e6;

    private static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                return false;
            }

            await Task.Delay(DrainPoll, cancellationToken);
        }

        return true;
    }

    /// <summary>What a step works with while it measures.</summary>
    private sealed record Run(
        BusKind Kind,
        int Rate,
        int Seconds,
        int Attempt,
        SFlowCollector Collector,
        ExportSink Export,
        IReadOnlyList<CountingHandler> Handlers,
        IReadOnlyList<IBusConsumer> Consumers,
        ThreadRoles Roles);

    /// <summary>The most records waiting in the export queue, and exported but not consumed, at any sample.</summary>
    private sealed class Peaks
    {
        public long ExportQueue { get; private set; }

        public long Lag { get; private set; }

        public void Sample(Run run)
        {
            var export = run.Export.GetStatistics();
            ExportQueue = Math.Max(ExportQueue, export.QueuedRecords);
            Lag = Math.Max(Lag, export.FlowsQueued + export.CountersQueued - run.Handlers.Sum(h => h.Records));
        }
    }
}
