using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Alerting.Engine;
using NetworkMachinery.Bus;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Topics;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Pipeline;

/// <summary>
/// Alerting's receive, evaluate, publish stages: consumers of the flows, counters and probe-results topics queue their
/// records; one thread feeds them to the <see cref="MonitorEngine"/> (which is single-threaded by design) and advances
/// it every <see cref="AlertingOptions.TickInterval"/>; the events it raises go, in order, to the sinks on another
/// loop, so a slow sink never holds up evaluation. The monitors are replaced whole (<see cref="SetMonitors"/>),
/// level-triggered: the latest set wins.
/// </summary>
public sealed partial class AlertingPipeline
{
    private readonly IMessageBus _bus;
    private readonly BusTopics _topics;
    private readonly MonitorEngine _engine;
    private readonly IReadOnlyList<INetworkEventSink> _sinks;
    private readonly AlertingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<object> _inbox;
    private readonly Channel<(NetworkEvent Event, V1Alpha1NetworkMonitor Monitor)> _outbox =
        Channel.CreateUnbounded<(NetworkEvent, V1Alpha1NetworkMonitor)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly Dictionary<(string Namespace, string Name), V1Alpha1NetworkMonitor> _monitors = [];
    private IReadOnlyCollection<V1Alpha1NetworkMonitor>? _pendingMonitors;
    private string _lastProblems = "";

    /// <summary>Creates the pipeline; nothing runs before <see cref="RunAsync"/>.</summary>
    public AlertingPipeline(
        IMessageBus bus,
        BusTopics topics,
        MonitorEngine engine,
        IReadOnlyList<INetworkEventSink> sinks,
        AlertingOptions options,
        TimeProvider time,
        ILogger logger)
    {
        _bus = bus;
        _topics = topics;
        _engine = engine;
        _sinks = sinks;
        _options = options;
        _time = time;
        _logger = logger;
        _inbox = Channel.CreateBounded<object>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Replaces the monitors evaluated; applied by the evaluation loop before the next record.</summary>
    public void SetMonitors(IReadOnlyCollection<V1Alpha1NetworkMonitor> monitors)
    {
        ArgumentNullException.ThrowIfNull(monitors);
        Volatile.Write(ref _pendingMonitors, monitors);
    }

    /// <summary>Runs the consumers, the evaluation loop and the event loop until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var handler = new ObservationHandler(_topics, _inbox.Writer);
        IBusConsumer[] consumers =
        [
            Consumer("flows", _topics.Flows, handler, DatagramIdentity.Of),
            Consumer("counters", _topics.Counters, handler, DatagramIdentity.Of),
            Consumer("probe-results", _topics.ProbeResults, handler, null),
        ];
        try
        {
            var evaluation = Task.Run(() => EvaluateAsync(cancellationToken), CancellationToken.None);
            var dispatch = Task.Run(() => DispatchAsync(cancellationToken), CancellationToken.None);
            await Task.WhenAll([.. consumers.Select(consumer => consumer.RunAsync(cancellationToken)), evaluation, dispatch]);
        }
        finally
        {
            foreach (var consumer in consumers)
            {
                await consumer.DisposeAsync();
            }
        }
    }

    private IBusConsumer Consumer(string input, string topic, IMessageHandler handler, Func<Bus.Messages.ConsumedMessage, ulong?>? identity) =>
        _bus.CreateConsumer(new ConsumerOptions
        {
            GroupId = $"{_options.GroupPrefix}-{input}",
            Topics = [topic],
            Handler = handler,
            IdentityOf = identity,
            DeadLetterTopic = _topics.DeadLetters,
        });

    private async Task EvaluateAsync(CancellationToken cancellationToken)
    {
        var reader = _inbox.Reader;
        var next = _time.GetUtcNow() + _options.TickInterval;
        Task<bool>? waiting = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                ApplyPendingMonitors();
                while (_time.GetUtcNow() < next && reader.TryRead(out var item))
                {
                    Observe(item);
                }

                var now = _time.GetUtcNow();
                if (now >= next)
                {
                    Advance(now);
                    next = now + _options.TickInterval;
                    continue;
                }

                // One wait for input is kept across ticks: a new one per tick would pile up waiters while idle.
                waiting ??= reader.WaitToReadAsync(cancellationToken).AsTask();
                await Task.WhenAny(waiting, Task.Delay(next - now, _time, cancellationToken)).ConfigureAwait(false);
                if (waiting.IsCompleted)
                {
                    waiting = null;
                }
            }
        }
        finally
        {
            _outbox.Writer.TryComplete();
        }
    }

    private void ApplyPendingMonitors()
    {
        if (Interlocked.Exchange(ref _pendingMonitors, null) is not { } monitors)
        {
            return;
        }

        // Keyed as the engine names them in its events' monitor reference.
        _monitors.Clear();
        foreach (var monitor in monitors)
        {
            _monitors[(monitor.Metadata.NamespaceProperty ?? "", monitor.Metadata.Name)] = monitor;
        }

        var problems = _engine.Apply(monitors);
        var described = string.Join("; ", problems.Select(problem => problem.ToString()));
        if (described != _lastProblems && problems.Count > 0)
        {
            Log.MonitorsRefused(_logger, problems.Count, described);
        }

        _lastProblems = described;
        Log.MonitorsApplied(_logger, monitors.Count - problems.Count, problems.Count);
    }

    private void Observe(object item)
    {
        switch (item)
        {
            case List<FlowMessage> flows:
                foreach (var flow in flows)
                {
                    _engine.Observe(flow);
                }

                break;
            case List<CounterMessage> counters:
                foreach (var counter in counters)
                {
                    _engine.Observe(counter);
                }

                break;
            case List<ProbeResult> results:
                foreach (var result in results)
                {
                    _engine.Observe(result);
                }

                break;
        }
    }

    private void Advance(DateTimeOffset now)
    {
        foreach (var networkEvent in _engine.Advance(now))
        {
            if (_monitors.TryGetValue((networkEvent.Monitor.Namespace, networkEvent.Monitor.Name), out var monitor))
            {
                _outbox.Writer.TryWrite((networkEvent, monitor));
            }
        }
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        await foreach (var (networkEvent, monitor) in _outbox.Reader.ReadAllAsync(CancellationToken.None))
        {
            Log.Event(_logger, networkEvent.Kind, networkEvent.Monitor.Namespace, networkEvent.Monitor.Name, networkEvent.Threshold?.Name ?? "", networkEvent.Value);
            foreach (var sink in _sinks)
            {
                try
                {
                    await sink.PublishAsync(networkEvent, monitor, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    Log.SinkFailed(_logger, sink.GetType().Name, networkEvent.EventId, e);
                }
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Evaluating {Valid} monitors ({Invalid} refused)")]
        public static partial void MonitorsApplied(ILogger logger, int valid, int invalid);

        [LoggerMessage(2, LogLevel.Warning, "{Count} monitors cannot be evaluated: {Problems}")]
        public static partial void MonitorsRefused(ILogger logger, int count, string problems);

        [LoggerMessage(3, LogLevel.Information, "{Kind} {Namespace}/{Monitor} threshold {Threshold}: {Value}")]
        public static partial void Event(ILogger logger, NetworkEvent.Types.Kind kind, string @namespace, string monitor, string threshold, double value);

        [LoggerMessage(4, LogLevel.Error, "{Sink} failed on event {EventId}; the next events go on")]
        public static partial void SinkFailed(ILogger logger, string sink, string eventId, Exception exception);
    }
}
