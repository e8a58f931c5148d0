using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Metrics;
using NetworkMachinery.Bus.Producing;

namespace NetworkMachinery.Bus.InProcess;

/// <summary>
/// The bus inside one process, over bounded channels: the standalone default. Each consumer group of a topic has its
/// own queue of <see cref="GroupCapacity"/> messages, which every message produced to the topic enters; the group's
/// consumers take from it in turn. Nothing is kept: a message produced before any group joined its topic reaches no
/// one, and what is queued is gone when the process ends.
/// </summary>
public sealed class InProcessBus : IMessageBus
{
    private readonly ConcurrentDictionary<string, InProcessTopic> _topics = new(StringComparer.Ordinal);
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;
    private readonly BusMetrics? _metrics;
    private readonly Lazy<InProcessProducer> _deadLetters;

    /// <summary>Creates an empty bus.</summary>
    /// <param name="groupCapacity">Messages each consumer group of a topic may hold.</param>
    /// <param name="loggerFactory">Where consumers log.</param>
    /// <param name="time">The clock (tests replace it).</param>
    /// <param name="metrics">Where the producers and consumers of this bus report; null for nowhere.</param>
    public InProcessBus(int groupCapacity = 65_536, ILoggerFactory? loggerFactory = null, TimeProvider? time = null, BusMetrics? metrics = null)
    {
        _metrics = metrics;
        ArgumentOutOfRangeException.ThrowIfLessThan(groupCapacity, 1);
        GroupCapacity = groupCapacity;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _time = time ?? TimeProvider.System;
        _deadLetters = new Lazy<InProcessProducer>(() => NewProducer("dead-letters"));
    }

    /// <summary>Messages each consumer group of a topic may hold before producers find it full.</summary>
    public int GroupCapacity { get; }

    /// <inheritdoc />
    public IBusProducer CreateProducer(string name) => NewProducer(name);

    /// <inheritdoc />
    public IBusConsumer CreateConsumer(ConsumerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var queues = options.Topics.Select(topic => Topic(topic).Join(options.GroupId)).ToList();
        var consumer = new InProcessConsumer(options, queues, _deadLetters.Value, _time, _loggerFactory.CreateLogger<InProcessConsumer>());
        _metrics?.Track(consumer, options.GroupId);
        return consumer;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        foreach (var topic in _topics.Values)
        {
            topic.Complete();
        }

        return ValueTask.CompletedTask;
    }

    private InProcessProducer NewProducer(string name)
    {
        var producer = new InProcessProducer(this, name);
        _metrics?.Track(producer);
        return producer;
    }

    internal InProcessTopic Topic(string name) => _topics.GetOrAdd(name, static (n, capacity) => new InProcessTopic(n, capacity), GroupCapacity);
}
