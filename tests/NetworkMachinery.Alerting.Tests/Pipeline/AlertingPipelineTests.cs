using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Alerting.Engine;
using NetworkMachinery.Alerting.Pipeline;
using NetworkMachinery.Alerting.Tests.Engine;
using NetworkMachinery.Bus.InProcess;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Bus.Topics;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Validation;
using NetworkMachinery.Testing.Polling;

namespace NetworkMachinery.Alerting.Tests.Pipeline;

/// <summary>
/// The pipeline over the real in-process bus: flows produced on the topic reach the engine, its events reach every
/// sink in order even when one sink fails, a malformed message is dead-lettered without stopping the rest, and the
/// host's validation mode decides whether a monitor with an inline channel URL is evaluated.
/// </summary>
public sealed class AlertingPipelineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(ValidationMode.Standalone, true)]
    [InlineData(ValidationMode.Cluster, false)]
    public async Task FlowsOnTheBus_RaiseTheMonitorsEvents_InlineUrlsOnlyInStandaloneMode(ValidationMode mode, bool inlineEvaluated)
    {
        var topics = new BusTopics($"nmt{Guid.NewGuid():N}"[..16]);
        await using var bus = new InProcessBus();
        var recorded = new RecordingSink();
        var pipeline = new AlertingPipeline(
            bus, topics, new MonitorEngine(mode: mode), [new FailingSink(), recorded], new AlertingOptions { TickInterval = TimeSpan.FromMilliseconds(50) },
            TimeProvider.System, NullLogger.Instance);
        var secretMonitor = Talkers("by-secret", new WebhookChannel { UrlSecretRef = new SecretKeyReference { Name = "hook", Key = "url" } });
        var inlineMonitor = Talkers("inline", new WebhookChannel { Url = "http://127.0.0.1:9/hook" });
        pipeline.SetMonitors([secretMonitor, inlineMonitor]);
        using var stop = new CancellationTokenSource();
        var running = pipeline.RunAsync(stop.Token);

        await using var producer = bus.CreateProducer("test");
        await producer.ProduceAsync(topics.Flows, [1], [0xFF, 0xFF, 0xFF], default);
        var raised = await Poll.UntilAsync(
            () =>
            {
                producer.ProduceAsync(topics.Flows, [1], DelimitedMessages.Write(EngineFixture.Flow(bytes: 1_000_000)), default).AsTask().Wait();
                return recorded.Events.Any(e => e.Monitor.Name == "by-secret");
            },
            Timeout);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        Assert.True(raised, "the monitor with a Secret reference raised nothing");
        Assert.Equal(inlineEvaluated, recorded.Events.Any(e => e.Monitor.Name == "inline"));
        Assert.Equal(NetworkEvent.Types.Kind.ThresholdRaised, recorded.Events[0].Kind);
    }

    private static V1Alpha1NetworkMonitor Talkers(string name, WebhookChannel channel)
    {
        var monitor = EngineFixture.FlowMonitor(level: 1000, window: "1s", value: FlowValue.Bytes, name: name);
        monitor.Spec.Channels = [new NotificationChannel { Name = "hook", Webhook = channel }];
        return monitor;
    }

    private sealed class RecordingSink : INetworkEventSink
    {
        private readonly ConcurrentQueue<NetworkEvent> _events = new();

        public IReadOnlyList<NetworkEvent> Events => [.. _events];

        public Task PublishAsync(NetworkEvent networkEvent, V1Alpha1NetworkMonitor monitor, CancellationToken cancellationToken)
        {
            Assert.Equal(networkEvent.Monitor.Name, monitor.Metadata.Name);
            _events.Enqueue(networkEvent);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingSink : INetworkEventSink
    {
        public Task PublishAsync(NetworkEvent networkEvent, V1Alpha1NetworkMonitor monitor, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("this sink always fails");
    }
}
