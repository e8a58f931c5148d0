using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Bus.Consuming;
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
    private readonly Lazy<InProcessProducer> _deadLetters;

    /// <summary>Creates an empty bus.</summary>
    public InProcessBus(int groupCapacity = 65_536, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groupCapacity, 1);
        GroupCapacity = groupCapacity;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _time = time ?? TimeProvider.System;
        _deadLetters = new Lazy<InProcessProducer>(() => new InProcessProducer(this, "dead-letters"));
    }

    /// <summary>Messages each consumer group of a topic may hold before producers find it full.</summary>
    public int GroupCapacity { get; }

    /// <inheritdoc />
    public IBusProducer CreateProducer(string name) => new InProcessProducer(this, name);

    /// <inheritdoc />
    public IBusConsumer CreateConsumer(ConsumerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var queues = options.Topics.Select(topic => Topic(topic).Join(options.GroupId)).ToList();
        return new InProcessConsumer(options, queues, _deadLetters.Value, _time, _loggerFactory.CreateLogger<InProcessConsumer>());
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

    internal InProcessTopic Topic(string name) => _topics.GetOrAdd(name, static (n, capacity) => new InProcessTopic(n, capacity), GroupCapacity);
}
