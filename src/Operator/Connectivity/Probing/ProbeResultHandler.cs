using Google.Protobuf;
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
        using var stream = new MemoryStream(message.Value, writable: false);
        try
        {
            while (stream.Position < stream.Length)
            {
                store.Add(ProbeResult.Parser.ParseDelimitedFrom(stream));
            }
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new PoisonMessageException($"not a length-delimited ProbeResult: {e.Message}", e);
        }

        return ValueTask.CompletedTask;
    }
}
