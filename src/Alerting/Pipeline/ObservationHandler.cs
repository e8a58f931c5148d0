using System.Threading.Channels;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Bus.Topics;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Alerting.Pipeline;

/// <summary>
/// Turns the messages of the flows, counters and probe-results topics into the engine's inputs and queues them for
/// the evaluation loop. Parsing happens here, on the consumers' threads, so the single engine thread only evaluates;
/// a message that is not what its topic holds is a poison message (dead-lettered by the consumer), never a crash.
/// </summary>
internal sealed class ObservationHandler(BusTopics topics, ChannelWriter<object> inbox) : IMessageHandler
{
    public async ValueTask HandleAsync(ConsumedMessage message, CancellationToken cancellationToken)
    {
        object parsed = message.Topic switch
        {
            var topic when topic == topics.Flows => DelimitedMessages.Parse(message.Value, FlowMessage.Parser),
            var topic when topic == topics.Counters => DelimitedMessages.Parse(message.Value, CounterMessage.Parser),
            var topic when topic == topics.ProbeResults => DelimitedMessages.Parse(message.Value, ProbeResult.Parser),
            var topic => throw new PoisonMessageException($"alerting does not read topic '{topic}'"),
        };
        await inbox.WriteAsync(parsed, cancellationToken);
    }
}
