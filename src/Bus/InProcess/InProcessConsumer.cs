using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Bus.Producing;

namespace NetworkMachinery.Bus.InProcess;

/// <summary>A consumer on the in-process bus: one loop per topic takes its group's messages from the topic's queue.</summary>
internal sealed class InProcessConsumer : IBusConsumer
{
    private readonly IReadOnlyList<ChannelReader<ConsumedMessage>> _queues;
    private readonly IReadOnlyList<MessageProcessor> _processors;
    private readonly ConsumerCounters _counters = new();

    public InProcessConsumer(ConsumerOptions options, IReadOnlyList<ChannelReader<ConsumedMessage>> queues, IBusProducer deadLetters, TimeProvider time, ILogger logger)
    {
        _queues = queues;
        _processors = [.. queues.Select(_ => new MessageProcessor(options, deadLetters, _counters, time, logger))];
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_queues.Select((queue, i) => DrainAsync(queue, _processors[i], cancellationToken))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public ConsumerStatistics GetStatistics() => _counters.Snapshot();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task DrainAsync(ChannelReader<ConsumedMessage> queue, MessageProcessor processor, CancellationToken cancellationToken)
    {
        await foreach (var message in queue.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await processor.ProcessAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }
}
