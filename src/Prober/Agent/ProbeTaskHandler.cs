using System.Text;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Bus.Producing;
using NetworkMachinery.Bus.Topics;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Prober.Agent;

/// <summary>
/// Takes the probe tasks of one consumer group off the bus, runs those <c>accepts</c> picks, and puts each result on
/// the probe-results topic keyed by its test. Tasks run in the background, so one slow test never holds up the next
/// message; a message counts as consumed once its tasks have started, and a full set of running tasks holds up the
/// consumer (backpressure) rather than a queue in memory. The slots are the agent's, shared with its other consumer
/// group's handler, so that the limit holds for the agent as a whole.
/// </summary>
public sealed class ProbeTaskHandler : IMessageHandler, IAsyncDisposable
{
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(20);

    private readonly IProbeTaskRunner _runner;
    private readonly IBusProducer _producer;
    private readonly BusTopics _topics;
    private readonly Func<ProbeTask, bool> _accepts;
    private readonly ProberAgentOptions _options;
    private readonly AgentMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private int _running;

    /// <summary>
    /// Creates a handler that runs the tasks <paramref name="accepts"/> picks through <paramref name="runner"/>, each
    /// holding one of <paramref name="slots"/> (<see cref="ProberAgentOptions.MaxTasksInFlight"/> of them, for all of
    /// the agent's handlers) while it runs.
    /// </summary>
    public ProbeTaskHandler(IProbeTaskRunner runner, IBusProducer producer, BusTopics topics, Func<ProbeTask, bool> accepts, SemaphoreSlim slots, ProberAgentOptions options, AgentMetrics metrics, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(slots);
        _runner = runner;
        _producer = producer;
        _topics = topics;
        _accepts = accepts;
        _options = options;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _slots = slots;
    }

    /// <summary>Tasks of this handler running now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <inheritdoc />
    public async ValueTask HandleAsync(ConsumedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var task in DelimitedMessages.Parse(message.Value, ProbeTask.Parser))
        {
            if (!_accepts(task))
            {
                _metrics.Skipped();
                continue;
            }

            var age = _time.GetUtcNow() - DateTimeOffset.UnixEpoch.AddTicks((long)(task.IssuedAtNs / 100));
            if (task.IssuedAtNs > 0 && age > Budget(task) + _options.StaleAfterBudget)
            {
                _metrics.Stale();
                AgentLog.TaskStale(_logger, TestName(task), task.RunId, age.TotalSeconds);
                continue;
            }

            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _running);
            _metrics.Run();
            _metrics.InFlight.Inc();
            _ = Task.Run(() => RunAsync(task), CancellationToken.None);
        }
    }

    /// <summary>
    /// Waits up to <see cref="ProberAgentOptions.DrainTimeout"/> for running tasks to send their results, then cancels
    /// what is left.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var deadline = _time.GetUtcNow() + _options.DrainTimeout;
        while (Running > 0 && _time.GetUtcNow() < deadline)
        {
            await Task.Delay(DrainPoll, _time).ConfigureAwait(false);
        }

        if (Running > 0)
        {
            AgentLog.DrainTimedOut(_logger, Running, _options.DrainTimeout.TotalSeconds);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static TimeSpan Budget(ProbeTask task) =>
        TimeSpan.FromTicks((long)((task.IntervalNs * Math.Max(task.Count, 1)) + task.TimeoutNs) / 100);

    private static string TestName(ProbeTask task) => $"{task.Test?.Namespace}/{task.Test?.Name}";

    private async Task RunAsync(ProbeTask task)
    {
        var test = TestName(task);
        var key = Encoding.UTF8.GetBytes(test);
        try
        {
            AgentLog.TaskStarted(_logger, test, task.RunId, task.Source?.PodName is { Length: > 0 } pod ? $"{task.Source.PodNamespace}/{pod}" : "host", task.Targets.Count);
            await foreach (var result in _runner.RunAsync(task, _stopping.Token).ConfigureAwait(false))
            {
                await _producer.ProduceAsync(_topics.ProbeResults, key, DelimitedMessages.Write(result), _stopping.Token).ConfigureAwait(false);
                _metrics.ResultSent();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: the drain timeout has passed, what is left is not sent.
        }
        catch (Exception e)
        {
            AgentLog.TaskFailed(_logger, test, task.RunId, e);
        }
        finally
        {
            _metrics.InFlight.Dec();
            Interlocked.Decrement(ref _running);
            _slots.Release();
        }
    }
}
