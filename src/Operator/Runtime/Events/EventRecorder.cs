using System.Threading.Channels;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Runtime.Metrics;
using NetworkMachinery.Operator.Runtime.Resources;
using Prometheus;

namespace NetworkMachinery.Operator.Runtime.Events;

/// <summary>
/// <see cref="IEventRecorder"/> as client-go's broadcaster and sink: <see cref="Record"/> correlates the event (rate
/// limit, aggregation) and queues the write; one background loop writes the queue in order. A write that fails is
/// logged and counted, never retried and never passed to the recorder's caller: events are best effort.
/// </summary>
/// <remarks>
/// Registered as a hosted service before the runner, so it stops after the controllers: what they record while they
/// drain is still written (within the host's shutdown timeout).
/// </remarks>
internal sealed class EventRecorder : IEventRecorder, IHostedService, IDisposable
{
    private readonly EventRecorderOptions _options;
    private readonly EventCorrelator _correlator;
    private readonly IEventSink _sink;
    private readonly ILogger _logger;
    private readonly Counter _results;
    private readonly Channel<EventWrite> _queue;
    private readonly CancellationTokenSource _abandon = new();
    private Task _writing = Task.CompletedTask;

    public EventRecorder(EventRecorderOptions options, IEventSink sink, EventMetrics metrics, TimeProvider time, ILogger<EventRecorder> logger)
    {
        _options = options;
        _correlator = new EventCorrelator(options, time);
        _sink = sink;
        _logger = logger;
        _results = metrics.Events;
        _queue = Channel.CreateBounded<EventWrite>(new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    public void Record<T>(T involved, string type, string reason, string message)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(involved);
        var recorded = new Corev1Event
        {
            ApiVersion = "v1",
            Kind = "Event",
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = involved.ApiVersion ?? ResourceType.Of<T>().ApiVersion,
                Kind = involved.Kind ?? ResourceType.Of<T>().Kind,
                Name = involved.Metadata.Name,
                NamespaceProperty = involved.Metadata.NamespaceProperty,
                Uid = involved.Metadata.Uid,
                ResourceVersion = involved.Metadata.ResourceVersion,
            },
            Type = type,
            Reason = reason,
            Message = message,
            Source = new V1EventSource { Component = _options.Component, Host = _options.Instance },
            ReportingComponent = _options.Component,
            ReportingInstance = _options.Instance,
        };

        var write = _correlator.Correlate(recorded);
        if (write is null)
        {
            _results.WithLabels("throttled").Inc();
            EventRecorderLog.Dropped(_logger, reason, recorded.InvolvedObject.Kind, Describe(recorded), "over the rate limit for its object");
        }
        else if (!_queue.Writer.TryWrite(write))
        {
            _results.WithLabels("dropped").Inc();
            EventRecorderLog.Dropped(_logger, reason, recorded.InvolvedObject.Kind, Describe(recorded), "the write queue is full or stopped");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writing = Task.Run(WriteAllAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        try
        {
            await _writing.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            EventRecorderLog.Abandoned(_logger, _queue.Reader.Count);
            await _abandon.CancelAsync();
        }
    }

    public void Dispose() => _abandon.Dispose();

    private async Task WriteAllAsync()
    {
        try
        {
            await foreach (var write in _queue.Reader.ReadAllAsync(_abandon.Token))
            {
                await WriteAsync(write);
            }
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // Stopped before the queue drained; StopAsync said how much was left.
        }
    }

    private async Task WriteAsync(EventWrite write)
    {
        try
        {
            var patched = !write.IsNew && await _sink.PatchAsync(write.Event, _abandon.Token);
            if (!patched)
            {
                await _sink.CreateAsync(write.Event, _abandon.Token);
            }

            _results.WithLabels(patched ? "patched" : "created").Inc();
        }
        catch (Exception e) when (ApiErrors.IsNamespaceTerminating(e))
        {
            // The object goes with its namespace; its Event has no one left to tell.
            _results.WithLabels("dropped").Inc();
            EventRecorderLog.Dropped(_logger, write.Event.Reason, write.Event.InvolvedObject.Kind, Describe(write.Event), "its namespace is being deleted");
        }
        catch (Exception e) when (!_abandon.IsCancellationRequested)
        {
            _results.WithLabels("failed").Inc();
            EventRecorderLog.WriteFailed(_logger, write.Event.Reason, write.Event.InvolvedObject.Kind, Describe(write.Event), e.Message);
        }
    }

    private static string Describe(Corev1Event recorded) =>
        recorded.InvolvedObject.NamespaceProperty is { } ns ? $"{ns}/{recorded.InvolvedObject.Name}" : recorded.InvolvedObject.Name;
}
