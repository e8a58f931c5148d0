using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Producing;

namespace NetworkMachinery.Bus.Kafka;

/// <summary>The bus over a Kafka cluster: one librdkafka producer per <see cref="CreateProducer"/>, one group member per consumer.</summary>
public sealed class KafkaBus : IMessageBus
{
    private readonly KafkaSettings _settings;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;
    private readonly Lazy<KafkaProducer> _deadLetters;

    /// <summary>A bus on the cluster the settings name; nothing connects until a producer or consumer is created.</summary>
    public KafkaBus(KafkaSettings settings, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _time = time ?? TimeProvider.System;
        Events = new KafkaClientEvents(_loggerFactory.CreateLogger<KafkaBus>());
        _deadLetters = new Lazy<KafkaProducer>(() => NewProducer("dead-letters"));
    }

    internal KafkaClientEvents Events { get; }

    /// <summary>Errors the clients reported so far, by librdkafka error code (an unreachable broker among them).</summary>
    public IReadOnlyDictionary<string, long> ClientErrors => Events.Errors;

    /// <inheritdoc />
    public IBusProducer CreateProducer(string name) => NewProducer(name);

    /// <inheritdoc />
    public IBusConsumer CreateConsumer(ConsumerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new KafkaConsumer(options, _settings, _deadLetters.Value, Events, _time, _loggerFactory.CreateLogger<KafkaConsumer>());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_deadLetters.IsValueCreated)
        {
            await _deadLetters.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    private KafkaProducer NewProducer(string name) => new(name, _settings, Events, _time, _loggerFactory.CreateLogger<KafkaProducer>());
}
