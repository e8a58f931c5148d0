using System.Text;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Bus.Producing;
using NetworkMachinery.Bus.Topics;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Pipeline;

/// <summary>
/// Publishes every event on the events topic, keyed by its id so that raise and clear of one condition stay in order.
/// Owns its producer: disposing it flushes what is still queued.
/// </summary>
public sealed class BusEventPublisher(IBusProducer producer, BusTopics topics) : INetworkEventSink, IAsyncDisposable
{
    /// <inheritdoc/>
    public async Task PublishAsync(NetworkEvent networkEvent, V1Alpha1NetworkMonitor monitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(networkEvent);
        await producer.ProduceAsync(topics.Events, Encoding.UTF8.GetBytes(networkEvent.EventId), DelimitedMessages.Write(networkEvent), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => producer.DisposeAsync();
}
