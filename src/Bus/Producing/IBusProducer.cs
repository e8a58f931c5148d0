namespace NetworkMachinery.Bus.Producing;

/// <summary>
/// Queues messages for delivery to topics. Messages with the same key reach consumers in the order they were queued.
/// Delivery is asynchronous; its outcome shows in <see cref="GetStatistics"/> and in the metrics.
/// </summary>
public interface IBusProducer : IAsyncDisposable
{
    /// <summary>Names the producer in metrics and logs.</summary>
    string Name { get; }

    /// <summary>Queues a message without waiting; false (and nothing queued) when the queue is full.</summary>
    bool TryProduce(string topic, byte[] key, byte[] value);

    /// <summary>Queues a message, waiting while the queue is full.</summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting; nothing was queued.</exception>
    ValueTask ProduceAsync(string topic, byte[] key, byte[] value, CancellationToken cancellationToken);

    /// <summary>Waits until every queued message was delivered or failed, or until the timeout; returns how many are still queued.</summary>
    int Flush(TimeSpan timeout);

    /// <summary>What the producer has done so far.</summary>
    ProducerStatistics GetStatistics();
}
