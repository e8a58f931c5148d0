using System.Collections.Concurrent;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Messages;

namespace NetworkMachinery.Bus.Tests.Support;

/// <summary>Records what it handled; throws for the messages <c>fail</c> picks.</summary>
internal sealed class RecordingHandler : IMessageHandler
{
    private readonly Func<ConsumedMessage, int, Exception?> _fail;
    private readonly ConcurrentDictionary<(string, long, int), int> _attempts = new();

    public RecordingHandler(Func<ConsumedMessage, int, Exception?>? fail = null) => _fail = fail ?? ((_, _) => null);

    public ConcurrentQueue<ConsumedMessage> Handled { get; } = new();

    public ValueTask HandleAsync(ConsumedMessage message, CancellationToken cancellationToken)
    {
        var attempt = _attempts.AddOrUpdate((message.Topic, message.Offset, message.Partition), 1, (_, n) => n + 1);
        if (_fail(message, attempt) is { } exception)
        {
            throw exception;
        }

        Handled.Enqueue(message);
        return ValueTask.CompletedTask;
    }
}
