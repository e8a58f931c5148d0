using Microsoft.Extensions.Hosting;
using NetworkMachinery.Bus;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Topics;

namespace NetworkMachinery.Operator.Connectivity.Probing;

/// <summary>
/// Reads the probe-results topic for as long as the operator runs, into the <see cref="ProbeResultStore"/>. Each
/// operator instance reads in a consumer group of its own: only the instance that started a run holds it, so every
/// instance must see every result (splitting them across a shared group would hand the leader's results to standbys).
/// </summary>
public sealed class ProbeResultConsumer(IMessageBus bus, BusTopics topics, ProbeResultStore store, string instance) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var consumer = bus.CreateConsumer(new ConsumerOptions
        {
            GroupId = $"netm-operator-{instance}",
            Topics = [topics.ProbeResults],
            Handler = new ProbeResultHandler(store),
            DeadLetterTopic = topics.DeadLetters,
        });
        await consumer.RunAsync(stoppingToken);
    }
}
