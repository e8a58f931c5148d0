using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Operator.Connectivity.Probing;

/// <summary>
/// Consumes the probe-results topic into the <see cref="ProbeResultStore"/>, where the controller finds them. A message
/// that does not parse is poison (dead-lettered with the reason); a result for a run this instance does not hold is
/// dropped, since the run's owner, or its restart, gets its own.
/// </summary>
public sealed class ProbeResultHandler(ProbeResultStore store) : IMessageHandler
{
    /// <inheritdoc />
    public ValueTask HandleAsync(ConsumedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var result in DelimitedMessages.Parse(message.Value, ProbeResult.Parser))
        {
            store.Add(result);
        }

        return ValueTask.CompletedTask;
    }
}
