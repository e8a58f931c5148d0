using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.InProcess;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Collector.Capture;
using NetworkMachinery.Collector.Export;
using NetworkMachinery.Collector.Tests.Support;
using NetworkMachinery.Contracts;
using NetworkMachinery.SFlow;
using NetworkMachinery.Testing.Bus;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Collector.Tests.Export;

/// <summary>The collector's export onto a bus (the in-process one here; the Kafka one in the Bus tests): records in, messages out.</summary>
public class ExportSinkTests
{
    private static readonly byte[][] Corpus = SFlowCapture.LoadPayloads(RepositoryPaths.OvsCorpus);

    [Fact]
    public async Task Export_OvsCorpus_EveryRecordArrivesInOneMessagePerDatagramKeyedByAgentStream()
    {
        await using var bus = new InProcessBus();
        var received = new Received();
        await using var consumer = bus.CreateConsumer(Options(received));
        var export = new ExportSink(bus.CreateProducer("collector"), new ExportOptions(), Prometheus.Metrics.NewCustomRegistry(), NullLogger.Instance);
        await using (var loopback = new LoopbackCollector(export))
        {
            foreach (var datagram in Corpus.Take(400))
            {
                loopback.Send(datagram);
            }

            var statistics = await loopback.WaitForProcessedAsync(400);
            await export.FlushAsync();
            await ConsumerRun.UntilAsync(consumer, () => received.Flows.Count >= statistics.FlowRecords && received.Counters.Count >= statistics.CounterRecords, LoopbackCollector.Timeout);

            Assert.Equal(statistics.FlowRecords, received.Flows.Count);
            Assert.Equal(statistics.CounterRecords, received.Counters.Count);
            Assert.Equal(statistics.FlowRecords, export.GetStatistics().FlowsQueued);
        }

        // One message per datagram: its records share the datagram's identity, and the key names the agent stream.
        foreach (var (key, flows) in received.FlowMessages)
        {
            var first = flows[0];
            Assert.All(flows, f => Assert.Equal((first.SamplerAddress, first.SubAgentId, first.SequenceNum, first.AgentUptimeMs), (f.SamplerAddress, f.SubAgentId, f.SequenceNum, f.AgentUptimeMs)));
            Assert.Equal(StreamKey.For(IpAddressValue.FromIPv4(first.SamplerAddress.Span), first.SubAgentId), key);
        }

        Assert.Equal(received.FlowMessages.Count, received.FlowMessages.Select(m => (m.Flows[0].SubAgentId, m.Flows[0].SequenceNum)).Distinct().Count());
    }

    [Fact]
    public async Task Export_BusFullAndDropPolicy_DropsAndCountsButDeliversEverythingAccepted()
    {
        await using var bus = new InProcessBus(groupCapacity: 1);
        var received = new Received();
        await using var consumer = bus.CreateConsumer(Options(received));
        var options = new ExportOptions { QueueRecords = 1024, FullPolicy = ExportFullPolicy.Drop };
        var export = new ExportSink(bus.CreateProducer("collector"), options, Prometheus.Metrics.NewCustomRegistry(), NullLogger.Instance);
        await using var loopback = new LoopbackCollector(export);

        // Nobody consumes yet: the bus holds one message, the exporter waits on the next, the queue fills, the rest is dropped.
        foreach (var datagram in Corpus.Take(600))
        {
            loopback.Send(datagram);
        }

        var statistics = await loopback.WaitForProcessedAsync(600);
        var whileFull = export.GetStatistics();
        Assert.True(whileFull.FlowsDropped > 0, whileFull.ToString());
        Assert.Equal(statistics.FlowRecords, whileFull.FlowsQueued + whileFull.FlowsDropped);
        Assert.Equal(0, statistics.DatagramsDropped);

        await ConsumerRun.UntilAsync(consumer, () => received.Flows.Count >= whileFull.FlowsQueued, LoopbackCollector.Timeout);
        await export.FlushAsync();
        Assert.Equal(whileFull.FlowsQueued, received.Flows.Count);
    }

    [Fact]
    public async Task Export_BusFullAndBlockPolicy_WorkersWaitAndNothingDecodedIsLost()
    {
        await using var bus = new InProcessBus(groupCapacity: 1);
        var received = new Received();
        await using var consumer = bus.CreateConsumer(Options(received));
        var options = new ExportOptions { QueueRecords = 1024, FullPolicy = ExportFullPolicy.Block };
        var export = new ExportSink(bus.CreateProducer("collector"), options, Prometheus.Metrics.NewCustomRegistry(), NullLogger.Instance);
        await using var loopback = new LoopbackCollector(export);

        // Several worker batches' worth (so the worker must wait), and few enough for the socket buffer (32 MB as root) to hold.
        foreach (var datagram in Corpus.Take(400))
        {
            loopback.Send(datagram);
        }

        Assert.True(await Poll.UntilAsync(() => export.GetStatistics().WorkerWaits > 0, LoopbackCollector.Timeout));
        using var stop = new CancellationTokenSource();
        var run = consumer.RunAsync(stop.Token);
        await loopback.WaitForProcessedAsync(400);

        // Settled: every datagram decoded, its records emitted and exported, and all of them received.
        Assert.True(await Poll.UntilAsync(
            () => loopback.Collector.GetStatistics() is { QueuedDatagrams: 0 } s && export.GetStatistics().QueuedRecords == 0 && received.Flows.Count == s.FlowRecords,
            LoopbackCollector.Timeout));
        await stop.CancelAsync();
        await run;
        var statistics = loopback.Collector.GetStatistics();

        Assert.Equal(statistics.FlowRecords, received.Flows.Count);
        Assert.True(statistics.FlowRecords > 400, statistics.ToString());
        Assert.Equal(0, export.GetStatistics().FlowsDropped);
        Assert.Equal(0, statistics.DatagramsDropped);
    }

    private static ConsumerOptions Options(Received received) => new()
    {
        GroupId = "test",
        Topics = ["netm.flows", "netm.counters"],
        Handler = received,
        DeadLetterTopic = "netm.dead-letters",
    };

    /// <summary>Parses what arrives: each message's length-delimited records.</summary>
    private sealed class Received : IMessageHandler
    {
        public ConcurrentQueue<FlowMessage> Flows { get; } = new();

        public ConcurrentQueue<CounterMessage> Counters { get; } = new();

        public ConcurrentQueue<(byte[] Key, List<FlowMessage> Flows)> FlowMessages { get; } = new();

        public ValueTask HandleAsync(ConsumedMessage message, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(message.Value);
            if (message.Topic.EndsWith(".flows", StringComparison.Ordinal))
            {
                var flows = new List<FlowMessage>();
                while (stream.Position < stream.Length)
                {
                    flows.Add(FlowMessage.Parser.ParseDelimitedFrom(stream));
                }

                FlowMessages.Enqueue((message.Key, flows));
                flows.ForEach(Flows.Enqueue);
            }
            else
            {
                while (stream.Position < stream.Length)
                {
                    Counters.Enqueue(CounterMessage.Parser.ParseDelimitedFrom(stream));
                }
            }

            return ValueTask.CompletedTask;
        }
    }
}
