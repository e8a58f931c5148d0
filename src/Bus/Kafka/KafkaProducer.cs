using System.Collections.Concurrent;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Bus.Producing;

namespace NetworkMachinery.Bus.Kafka;

/// <summary>
/// A producer over one librdkafka handle. Messages go into librdkafka's bounded queue and are delivered in batches in
/// the background; each delivery report counts the message delivered or failed and times it. While the cluster is
/// unreachable librdkafka keeps the messages and retries (for <c>message.timeout.ms</c>, 5 minutes by default), so a
/// broker that restarts loses nothing; the queue then fills and producing finds it full.
/// </summary>
internal sealed class KafkaProducer : IBusProducer
{
    // Waiting for room in a full queue: long enough not to spin, short enough to notice room quickly.
    private static readonly TimeSpan FullQueueWait = TimeSpan.FromMilliseconds(5);

    private readonly IProducer<byte[], byte[]> _producer;
    private readonly ConcurrentDictionary<string, long> _failed = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _queued;
    private long _delivered;
    private long _queueFull;

    public KafkaProducer(string name, KafkaSettings settings, KafkaClientEvents events, TimeProvider time, ILogger logger)
    {
        Name = name;
        _time = time;
        _logger = logger;
        _producer = new ProducerBuilder<byte[], byte[]>(settings.ProducerConfig($"netm-{name}"))
            .SetErrorHandler((_, error) => events.OnError(name, error))
            .SetLogHandler((_, message) => events.OnLog(name, message))
            .Build();
    }

    public string Name { get; }

    /// <summary>Called with the time each message took from being queued to being acknowledged.</summary>
    public Action<string, TimeSpan>? DeliveryLatency { get; init; }

    public bool TryProduce(string topic, byte[] key, byte[] value)
    {
        var message = new Message<byte[], byte[]> { Key = key, Value = value };

        // The queueing time rides in the handler: an old broker keeps no message timestamps to time deliveries by.
        var queuedAt = _time.GetTimestamp();
        try
        {
            _producer.Produce(topic, message, report => OnDelivery(report, queuedAt));
            Interlocked.Increment(ref _queued);
            return true;
        }
        catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
        {
            Interlocked.Increment(ref _queueFull);
            return false;
        }
    }

    public async ValueTask ProduceAsync(string topic, byte[] key, byte[] value, CancellationToken cancellationToken)
    {
        while (!TryProduce(topic, key, value))
        {
            await Task.Delay(FullQueueWait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public int Flush(TimeSpan timeout) => _producer.Flush(timeout);

    public ProducerStatistics GetStatistics() => new()
    {
        Queued = Interlocked.Read(ref _queued),
        Delivered = Interlocked.Read(ref _delivered),
        Failed = new Dictionary<string, long>(_failed),
        QueueFull = Interlocked.Read(ref _queueFull),
    };

    public ValueTask DisposeAsync()
    {
        // Give what is queued a last chance; what is still undelivered then shows as in flight in the statistics.
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
        return ValueTask.CompletedTask;
    }

    private void OnDelivery(DeliveryReport<byte[], byte[]> report, long queuedAt)
    {
        if (report.Error.IsError)
        {
            var reason = report.Error.Code.ToString();
            _failed.AddOrUpdate(reason, 1, static (_, count) => count + 1);
            BusLog.DeliveryFailed(_logger, Name, 1, report.Topic, report.Error.Reason);
            return;
        }

        Interlocked.Increment(ref _delivered);
        DeliveryLatency?.Invoke(report.Topic, _time.GetElapsedTime(queuedAt));
    }
}
