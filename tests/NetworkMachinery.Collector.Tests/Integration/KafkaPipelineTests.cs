using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Kafka;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Bus.Topics;
using NetworkMachinery.Collector.Capture;
using NetworkMachinery.Collector.Export;
using NetworkMachinery.Collector.Tests.Support;
using NetworkMachinery.Contracts;
using NetworkMachinery.Testing.Kafka;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Collector.Tests.Integration;

/// <summary>
/// The whole pipeline with a real broker: real sFlow datagrams into the collector, onto Kafka 0.9, into a consumer
/// group whose handler writes to a store keyed by datagram identity. The broker goes down mid-stream and comes back;
/// the consumer dies in the middle of a batch and another takes over. At the end the store holds every record the
/// collector accepted, each once.
/// </summary>
[Collection(KafkaTests.Collection)]
public sealed class KafkaPipelineTests(KafkaBrokerFixture kafka)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private static readonly byte[][] Corpus = SFlowCapture.LoadPayloads(RepositoryPaths.OvsCorpus);
    private readonly KafkaBroker _broker = kafka.Broker;

    [Fact]
    public async Task Pipeline_BrokerRestartAndConsumerKilledMidBatch_StoreHoldsEveryAcceptedRecordOnce()
    {
        var topics = new BusTopics($"t{Guid.NewGuid():N}"[..12]);
        await _broker.CreateTopicAsync(topics.Flows, 4);
        await _broker.CreateTopicAsync(topics.Counters, 1);
        await _broker.CreateTopicAsync(topics.DeadLetters, 1);
        var settings = new KafkaSettings { BootstrapServers = _broker.BootstrapServers, Properties = new Dictionary<string, string>(_broker.ClientProperties) };
        await using var bus = new KafkaBus(settings);
        var store = new Store();
        var export = new ExportSink(bus.CreateProducer("collector"), new ExportOptions { Topics = topics }, Prometheus.Metrics.NewCustomRegistry(), NullLogger.Instance);
        await using var loopback = new LoopbackCollector(export);

        // The first consumer dies while handling its 200th message: written to the store, never marked consumed.
        var dying = new StoreHandler(store, dieAt: 200);
        var first = bus.CreateConsumer(Options(topics, dying));
        using var killFirst = new CancellationTokenSource();
        var firstRun = first.RunAsync(killFirst.Token);

        Send(loopback, 0, 300);
        Assert.True(await Poll.UntilAsync(() => export.GetStatistics().Messages >= 300, Timeout));

        // The broker goes away mid-stream; the collector keeps receiving, the producer keeps the messages.
        await _broker.StopBrokerAsync();
        Send(loopback, 300, 300);
        await loopback.WaitForProcessedAsync(600);
        await _broker.StartBrokerAsync();
        Send(loopback, 600, 300);
        var collected = await loopback.WaitForProcessedAsync(900);

        Assert.True(await dying.Died.Task.WaitAsync(Timeout) > 0);
        await killFirst.CancelAsync();
        await firstRun;
        await first.DisposeAsync();

        // Its replacement resumes from the group's last commit: some messages come again.
        var second = bus.CreateConsumer(Options(topics, new StoreHandler(store)));
        using var stopSecond = new CancellationTokenSource();
        var secondRun = second.RunAsync(stopSecond.Token);
        await export.FlushAsync();
        var accepted = export.GetStatistics();
        var reached = await Poll.UntilAsync(() => store.Records == accepted.FlowsQueued + accepted.CountersQueued, Timeout);
        await stopSecond.CancelAsync();
        await secondRun;
        await second.DisposeAsync();

        Assert.True(reached, $"store {store.Records} records, accepted {accepted}, producer {export.Producer.GetStatistics()}");
        Assert.Equal(0, accepted.FlowsDropped + accepted.CountersDropped);
        Assert.Equal(0, export.Producer.GetStatistics().Failed.Values.Sum());
        Assert.Equal(collected.FlowRecords, store.Flows);
        Assert.Equal(collected.CounterRecords, store.Counters);

        // Every datagram with records, by its sequence number, exactly once; the repeat was recognised, not applied again.
        var sequences = store.Datagrams.Keys.Where(k => k.Topic == topics.Flows).Select(k => k.Sequence).Order().ToList();
        Assert.Equal(sequences.Distinct().Count(), sequences.Count);
        Assert.True(store.Repeats > 0, "the killed consumer's last message was never handed out again");
    }

    private void Send(LoopbackCollector loopback, int from, int count)
    {
        foreach (var datagram in Corpus.Skip(from).Take(count))
        {
            loopback.Send(datagram);
        }
    }

    private static ConsumerOptions Options(BusTopics topics, IMessageHandler handler) => new()
    {
        GroupId = "pipeline",
        Topics = [topics.Flows, topics.Counters],
        Handler = handler,
        IdentityOf = DatagramIdentity.Of,
        DeadLetterTopic = topics.DeadLetters,
    };

    /// <summary>The consumer side's store: one entry per datagram and topic, written idempotently.</summary>
    private sealed class Store
    {
        private long _flows;
        private long _counters;
        private long _repeats;

        public ConcurrentDictionary<(string Topic, string Stream, uint Sequence, uint Uptime), int> Datagrams { get; } = new();

        public long Flows => Interlocked.Read(ref _flows);

        public long Counters => Interlocked.Read(ref _counters);

        public long Records => Flows + Counters;

        public long Repeats => Interlocked.Read(ref _repeats);

        public void Put(ConsumedMessage message)
        {
            var isFlows = message.Topic.EndsWith(".flows", StringComparison.Ordinal);
            using var stream = new MemoryStream(message.Value);
            var records = 0;
            uint sequence = 0, uptime = 0;
            while (stream.Position < stream.Length)
            {
                if (isFlows)
                {
                    var flow = FlowMessage.Parser.ParseDelimitedFrom(stream);
                    (sequence, uptime) = (flow.SequenceNum, flow.AgentUptimeMs);
                }
                else
                {
                    var counters = CounterMessage.Parser.ParseDelimitedFrom(stream);
                    (sequence, uptime) = (counters.SequenceNum, counters.AgentUptimeMs);
                }

                records++;
            }

            var key = (message.Topic, Convert.ToBase64String(message.Key), sequence, uptime);
            if (!Datagrams.TryAdd(key, records))
            {
                Interlocked.Increment(ref _repeats);
                return;
            }

            Interlocked.Add(ref isFlows ? ref _flows : ref _counters, records);
        }
    }

    private sealed class StoreHandler(Store store, int? dieAt = null) : IMessageHandler
    {
        private int _handled;

        public TaskCompletionSource<int> Died { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask HandleAsync(ConsumedMessage message, CancellationToken cancellationToken)
        {
            store.Put(message);
            if (++_handled == dieAt)
            {
                // Written, not returned: as if the process died right here, mid-batch.
                Died.TrySetResult(_handled);
                await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
            }
        }
    }
}
