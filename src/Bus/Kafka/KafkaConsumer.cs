using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Bus.Producing;

namespace NetworkMachinery.Bus.Kafka;

/// <summary>
/// A consumer in a Kafka consumer group, at least once: a message's offset is stored only after the handler finished
/// (or the message was dead-lettered), and stored offsets are committed in the background, when partitions are
/// revoked and when the consumer closes. After a crash the group resumes from the last commit, so a few messages may
/// come again; the duplicate filter and idempotent handlers make that harmless. The blocking consume loop runs on a
/// thread of its own.
/// </summary>
internal sealed class KafkaConsumer : IBusConsumer
{
    // How long one Consume call blocks before the loop looks at its cancellation token again.
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(200);

    private readonly IConsumer<byte[], byte[]> _consumer;
    private readonly ConsumerOptions _options;
    private readonly MessageProcessor _processor;
    private readonly ConsumerCounters _counters = new();
    private readonly KafkaClientEvents _events;
    private readonly ILogger _logger;
    private readonly string _client;
    private int _closed;

    // Its own client's fatal error ends this consumer's loop; another client's (a producer's) does not.
    private volatile bool _fatal;

    public KafkaConsumer(ConsumerOptions options, KafkaSettings settings, IBusProducer deadLetters, KafkaClientEvents events, TimeProvider time, ILogger logger)
    {
        _options = options;
        _events = events;
        _logger = logger;
        _processor = new MessageProcessor(options, deadLetters, _counters, time, logger);
        _client = $"netm-{options.GroupId}";
        _consumer = new ConsumerBuilder<byte[], byte[]>(settings.ConsumerConfig(_client, options.GroupId))
            .SetErrorHandler((_, error) =>
            {
                Interlocked.Increment(ref _counters.ClientErrors);
                _fatal |= error.IsFatal;
                events.OnError(_client, error);
            })
            .SetLogHandler((_, message) => events.OnLog(_client, message))
            .SetPartitionsAssignedHandler((_, partitions) => OnRebalance("assigned", partitions))
            .SetPartitionsRevokedHandler((consumer, partitions) =>
            {
                // Commit what was handled before another member takes these partitions over, so that it repeats as little as possible.
                CommitStored(consumer);
                OnRebalance("revoked", partitions.Select(p => p.TopicPartition));
            })
            .SetPartitionsLostHandler((_, partitions) => OnRebalance("lost", partitions.Select(p => p.TopicPartition)))
            .Build();
        _consumer.Subscribe(options.Topics);
    }

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Loop(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            .ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    public ConsumerStatistics GetStatistics() => _counters.Snapshot();

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            // Close commits the stored offsets and leaves the group at once, rather than after the session timeout.
            try
            {
                _consumer.Close();
            }
            catch (KafkaException e)
            {
                _events.OnError(_client, e.Error);
            }

            _consumer.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private void Loop(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && !_fatal)
        {
            ConsumeResult<byte[], byte[]>? result;
            try
            {
                result = _consumer.Consume(PollTimeout);
            }
            catch (ConsumeException e)
            {
                Interlocked.Increment(ref _counters.ClientErrors);
                _events.OnError(_client, e.Error);
                continue;
            }

            if (result is null || result.IsPartitionEOF)
            {
                continue;
            }

            var message = new ConsumedMessage(result.Topic, result.Partition.Value, result.Offset.Value, result.Message.Key ?? [], result.Message.Value ?? []);
            try
            {
                // The loop owns this thread: waiting here is what keeps one partition's messages in order.
                _processor.ProcessAsync(message, cancellationToken).AsTask().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Not handled, so not stored: the group hands it out again.
                break;
            }

            try
            {
                _consumer.StoreOffset(result);
            }
            catch (KafkaException e) when (e.Error.Code == ErrorCode.Local_State)
            {
                // The partition was taken away meanwhile; its new owner will see the message again.
            }
        }
    }

    private void CommitStored(IConsumer<byte[], byte[]> consumer)
    {
        try
        {
            consumer.Commit();
        }
        catch (KafkaException e) when (e.Error.Code == ErrorCode.Local_NoOffset)
        {
            // Nothing stored since the last commit.
        }
        catch (KafkaException e)
        {
            Interlocked.Increment(ref _counters.ClientErrors);
            _events.OnError(_client, e.Error);
        }
    }

    private void OnRebalance(string change, IEnumerable<TopicPartition> partitions)
    {
        Interlocked.Increment(ref _counters.Rebalances);
        BusLog.Rebalance(_logger, _options.GroupId, change, string.Join(", ", partitions.Select(p => $"{p.Topic}/{p.Partition.Value}")));
    }
}
