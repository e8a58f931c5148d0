using NetworkMachinery.Bus.Messages;

namespace NetworkMachinery.Bus.Consuming;

/// <summary>
/// Handles the messages of a consumer. A message counts as consumed only once this returned, so after a crash or a
/// rebalance it may be handed over again: what a handler does must be idempotent, keyed by the message's identity.
/// Throw <see cref="PoisonMessageException"/> for a message that can never be handled (it goes to the dead-letter
/// topic at once); any other exception is retried, then dead-lettered.
/// </summary>
public interface IMessageHandler
{
    /// <summary>Handles one message.</summary>
    ValueTask HandleAsync(ConsumedMessage message, CancellationToken cancellationToken);
}
