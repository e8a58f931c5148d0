using Microsoft.Extensions.Logging;
using NetworkMachinery.Bus;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Producing;
using NetworkMachinery.Bus.Topics;

namespace NetworkMachinery.Prober.Agent;

/// <summary>
/// The node agent's bus side: reads the probe-tasks topic in its node's consumer group and in the group the agents
/// share for tasks that name no node (<see cref="TaskSelector"/>), runs the tasks, and sends the results. It joins both
/// groups when created, so tasks sent from then on reach it. One limit of tasks in flight holds for both groups
/// together: the node's capacity does not double because its tasks arrive two ways.
/// </summary>
public sealed class ProberAgent : IAsyncDisposable
{
    private readonly IBusProducer _producer;
    private readonly ProbeTaskHandler _ownNode;
    private readonly ProbeTaskHandler _anyNode;
    private readonly IBusConsumer _ownConsumer;
    private readonly IBusConsumer _anyConsumer;
    private readonly SemaphoreSlim _slots;
    private readonly int _maxTasks;

    /// <summary>Creates the agent of <see cref="ProberAgentOptions.Node"/> and joins its consumer groups.</summary>
    public ProberAgent(IMessageBus bus, BusTopics topics, IProbeTaskRunner runner, ProberAgentOptions options, AgentMetrics metrics, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Node);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTasksInFlight, 1);
        _maxTasks = options.MaxTasksInFlight;
        _slots = new SemaphoreSlim(_maxTasks, _maxTasks);
        var logger = loggerFactory.CreateLogger<ProberAgent>();
        _producer = bus.CreateProducer("prober");
        _ownNode = new ProbeTaskHandler(runner, _producer, topics, task => TaskSelector.IsForNode(task, options.Node), _slots, options, metrics, time, logger);
        _anyNode = new ProbeTaskHandler(runner, _producer, topics, TaskSelector.IsForAnyNode, _slots, options, metrics, time, logger);
        _ownConsumer = Consumer(bus, topics, TaskSelector.NodeGroup(options.Node), _ownNode);
        _anyConsumer = Consumer(bus, topics, TaskSelector.AnyNodeGroup, _anyNode);
    }

    /// <summary>Tasks running now, from both groups.</summary>
    public int Running => _maxTasks - _slots.CurrentCount;

    /// <summary>Reads and runs tasks until <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_ownConsumer.RunAsync(cancellationToken), _anyConsumer.RunAsync(cancellationToken));

    /// <summary>Leaves the groups, lets running tasks finish (up to the drain timeout) and sends what they found.</summary>
    public async ValueTask DisposeAsync()
    {
        await _ownConsumer.DisposeAsync().ConfigureAwait(false);
        await _anyConsumer.DisposeAsync().ConfigureAwait(false);
        await _ownNode.DisposeAsync().ConfigureAwait(false);
        await _anyNode.DisposeAsync().ConfigureAwait(false);
        await _producer.DisposeAsync().ConfigureAwait(false);
        _slots.Dispose();
    }

    private static IBusConsumer Consumer(IMessageBus bus, BusTopics topics, string group, ProbeTaskHandler handler) => bus.CreateConsumer(new ConsumerOptions
    {
        GroupId = group,
        Topics = [topics.ProbeTasks],
        Handler = handler,
        DeadLetterTopic = topics.DeadLetters,
    });
}
