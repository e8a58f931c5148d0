using NetworkMachinery.Bus.Producing;

namespace NetworkMachinery.Bus.InProcess;

/// <summary>A producer on the in-process bus: a message is delivered once every consumer group of its topic has it queued.</summary>
internal sealed class InProcessProducer : IBusProducer
{
    private readonly InProcessBus _bus;
    private long _delivered;
    private long _queueFull;

    public InProcessProducer(InProcessBus bus, string name)
    {
        _bus = bus;
        Name = name;
    }

    public string Name { get; }

    public bool TryProduce(string topic, byte[] key, byte[] value)
    {
        if (_bus.Topic(topic).TryPublish(key, value))
        {
            Interlocked.Increment(ref _delivered);
            return true;
        }

        Interlocked.Increment(ref _queueFull);
        return false;
    }

    public async ValueTask ProduceAsync(string topic, byte[] key, byte[] value, CancellationToken cancellationToken)
    {
        await _bus.Topic(topic).PublishAsync(key, value, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _delivered);
    }

    // Delivery is synchronous here: nothing is ever in flight.
    public int Flush(TimeSpan timeout) => 0;

    public ProducerStatistics GetStatistics()
    {
        var delivered = Interlocked.Read(ref _delivered);
        return new ProducerStatistics { Queued = delivered, Delivered = delivered, QueueFull = Interlocked.Read(ref _queueFull) };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
