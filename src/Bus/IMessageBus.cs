using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Producing;

namespace NetworkMachinery.Bus;

/// <summary>
/// The message bus between the components: in one process (<see cref="InProcess.InProcessBus"/>, the standalone
/// default) or over Kafka (<see cref="Kafka.KafkaBus"/>). Both keep the same contract: every consumer group gets
/// every message of its topics, messages with one key arrive in the order they were produced, and a message counts
/// as consumed only after its handler finished.
/// </summary>
public interface IMessageBus : IAsyncDisposable
{
    /// <summary>A producer; <paramref name="name"/> labels its metrics.</summary>
    IBusProducer CreateProducer(string name);

    /// <summary>A consumer that joins its group at once and hands messages to its handler once it runs.</summary>
    IBusConsumer CreateConsumer(ConsumerOptions options);
}
