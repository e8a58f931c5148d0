using System.Buffers.Binary;
using System.Collections.Concurrent;
using Confluent.Kafka;
using NetworkMachinery.Testing.Kafka;
using NetworkMachinery.Testing.Polling;

namespace NetworkMachinery.Bus.Tests.Kafka;

/// <summary>
/// A plain Confluent consumer in a group, reading one topic from the start on a thread of its own and recording the
/// identity of every message (the first 8 bytes of its value, see <see cref="Support.TestMessages"/>).
/// </summary>
internal sealed class KafkaGroupReader : IAsyncDisposable
{
    private readonly IConsumer<byte[], byte[]> _consumer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public KafkaGroupReader(KafkaBroker broker, string topic, string group)
    {
        var config = broker.ClientConfig();
        config["group.id"] = group;
        config["auto.offset.reset"] = "earliest";
        _consumer = new ConsumerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { }).Build();
        _consumer.Subscribe(topic);
        _loop = Task.Factory.StartNew(Loop, TaskCreationOptions.LongRunning);
    }

    /// <summary>Identities in the order they arrived; a message that came twice is here twice.</summary>
    public ConcurrentQueue<ulong> Received { get; } = new();

    /// <summary>The distinct identities received so far.</summary>
    public IReadOnlySet<ulong> Distinct => Received.ToHashSet();

    public Task<bool> WaitUntilAsync(Func<KafkaGroupReader, bool> condition, TimeSpan timeout) => Poll.UntilAsync(() => condition(this), timeout);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _consumer.Close();
        _consumer.Dispose();
        _stop.Dispose();
    }

    private void Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                if (_consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } result)
                {
                    Received.Enqueue(BinaryPrimitives.ReadUInt64BigEndian(result.Message.Value));
                }
            }
            catch (ConsumeException)
            {
                // The broker is away; the consumer reconnects by itself.
            }
        }
    }
}
