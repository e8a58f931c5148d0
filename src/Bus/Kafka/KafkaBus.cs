using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Metrics;
using NetworkMachinery.Bus.Producing;

namespace NetworkMachinery.Bus.Kafka;

/// <summary>The bus over a Kafka cluster: one librdkafka producer per <see cref="CreateProducer"/>, one group member per consumer.</summary>
public sealed class KafkaBus : IMessageBus
{
    private readonly KafkaSettings _settings;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;
    private readonly BusMetrics? _metrics;
    private readonly Lazy<KafkaProducer> _deadLetters;

    /// <summary>A bus on the cluster the settings name; nothing connects until a producer or consumer is created.</summary>
    /// <param name="settings">Where the cluster is, and client properties.</param>
    /// <param name="loggerFactory">Where the clients log.</param>
    /// <param name="time">The clock (tests replace it).</param>
    /// <param name="metrics">Where the producers, consumers and clients of this bus report; null for nowhere.</param>
    public KafkaBus(KafkaSettings settings, ILoggerFactory? loggerFactory = null, TimeProvider? time = null, BusMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _time = time ?? TimeProvider.System;
        _metrics = metrics;
        Events = new KafkaClientEvents(_loggerFactory.CreateLogger<KafkaBus>(), _time);
        metrics?.TrackClientErrors(() => Events.Errors);
        _deadLetters = new Lazy<KafkaProducer>(() => NewProducer("dead-letters"));
    }

    internal KafkaClientEvents Events { get; }

    /// <summary>Errors the clients reported so far, by librdkafka error code (an unreachable broker among them).</summary>
    public IReadOnlyDictionary<string, long> ClientErrors => Events.Errors;

    /// <summary>
    /// Asks the cluster for its metadata: null when it answered within <paramref name="timeout"/>, else what went
    /// wrong, in words. The clients do not need this (they connect and reconnect on their own); it lets a command say
    /// at start that the cluster is unreachable rather than leave the user guessing.
    /// </summary>
    public string? CheckReachable(TimeSpan timeout)
    {
        var config = new Dictionary<string, string>(_settings.ProducerConfig("netm-check"), StringComparer.Ordinal);
        using var admin = new AdminClientBuilder(config).SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { }).Build();
        try
        {
            var metadata = admin.GetMetadata(timeout);
            return metadata.Brokers.Count == 0 ? "the cluster named no brokers" : null;
        }
        catch (KafkaException e)
        {
            return $"{e.Error.Reason} ({e.Error.Code})";
        }
    }

    /// <inheritdoc />
    public IBusProducer CreateProducer(string name) => NewProducer(name);

    /// <inheritdoc />
    public IBusConsumer CreateConsumer(ConsumerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var consumer = new KafkaConsumer(options, _settings, _deadLetters.Value, Events, _time, _loggerFactory.CreateLogger<KafkaConsumer>());
        _metrics?.Track(consumer, options.GroupId);
        return consumer;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_deadLetters.IsValueCreated)
        {
            await _deadLetters.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    private KafkaProducer NewProducer(string name)
    {
        var producer = new KafkaProducer(name, _settings, Events, _time, _loggerFactory.CreateLogger<KafkaProducer>()) { DeliveryLatency = _metrics is null ? null : _metrics.ObserveDelivery };
        _metrics?.Track(producer);
        return producer;
    }
}
