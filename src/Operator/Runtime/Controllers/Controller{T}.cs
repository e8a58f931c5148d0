using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Metrics;
using NetworkMachinery.Operator.Runtime.Queue;
using NetworkMachinery.Operator.Runtime.Resources;
using Prometheus;

namespace NetworkMachinery.Operator.Runtime.Controllers;

/// <summary>
/// controller-runtime's controller: the informers' events queue keys into a rate-limited work queue, and N workers
/// take keys and call the reconciler with the object's cached state (null once deleted). A key that fails comes back
/// after its backoff; one that succeeds is forgotten. Each run starts with a fresh queue holding every cached object,
/// so a new leader reconciles everything once.
/// </summary>
internal sealed class Controller<T> : IController
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ControllerOptions _options;
    private readonly IInformer<T> _informer;
    private readonly IReconciler<T> _reconciler;
    private readonly IReadOnlyList<IControllerWatch<T>> _watches;
    private readonly WorkQueueMetrics _queueMetrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Histogram.Child _duration;
    private readonly Counter.Child _errors;
    private readonly Gauge.Child _running;
    private readonly Counter _reconciles;

    public Controller(
        ControllerOptions options,
        IInformer<T> informer,
        IReconciler<T> reconciler,
        IReadOnlyList<IControllerWatch<T>> watches,
        ControllerMetrics metrics,
        WorkQueueMetrics queueMetrics,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.Name);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1);
        _options = options;
        _informer = informer;
        _reconciler = reconciler;
        _watches = watches;
        _queueMetrics = queueMetrics;
        _time = time;
        _logger = logger;
        _duration = metrics.Duration.WithLabels(options.Name);
        _errors = metrics.Errors.WithLabels(options.Name);
        _running = metrics.Running.WithLabels(options.Name);
        _reconciles = metrics.Reconciles;
        Informers = [informer, .. watches.Select(watch => watch.Informer).OfType<IInformer>()];
    }

    public string Name => _options.Name;

    public IReadOnlyList<IInformer> Informers { get; }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var queue = new WorkQueue<ObjectKey>(Name, _options.RateLimiter.Create<ObjectKey>(_time), _time, _queueMetrics);
        var subscriptions = new List<IDisposable> { _informer.AddEventHandler(new EnqueueHandler<T>(queue, _options.SkipStatusOnlyUpdates)) };
        try
        {
            subscriptions.AddRange(_watches.Select(watch => watch.Subscribe(queue, _informer.Cache)));
            try
            {
                await Task.WhenAll(Informers.Select(informer => informer.WaitForSyncAsync(stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            // Infinite until the stop, then the drain timeout (on the injected clock).
            using var reconcileStop = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
            var workers = new Task[_options.Workers];
            for (var i = 0; i < workers.Length; i++)
            {
                workers[i] = Task.Run(() => WorkAsync(queue, stoppingToken, reconcileStop.Token), CancellationToken.None);
            }

            var resync = _options.ResyncPeriod is { } period ? ResyncAsync(queue, period, stoppingToken) : Task.CompletedTask;
            _running.Set(1);
            ControllerLog.Started(_logger, Name, workers.Length, queue.Count);

            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            ControllerLog.Stopping(_logger, Name, _options.DrainTimeout);
            queue.ShutDown();
            reconcileStop.CancelAfter(_options.DrainTimeout);
            await Task.WhenAll(workers);
            await resync;
        }
        finally
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }

            _running.Set(0);
            ControllerLog.Stopped(_logger, Name);
        }
    }

    private async Task WorkAsync(WorkQueue<ObjectKey> queue, CancellationToken stoppingToken, CancellationToken reconcileToken)
    {
        while (true)
        {
            var (key, shutDown) = await queue.GetAsync(CancellationToken.None);
            if (shutDown)
            {
                return;
            }

            try
            {
                // Keys still queued at the stop are left to whichever instance leads next.
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                await ReconcileAsync(queue, key, reconcileToken);
            }
            finally
            {
                queue.Done(key);
            }
        }
    }

    private async Task ReconcileAsync(WorkQueue<ObjectKey> queue, ObjectKey key, CancellationToken cancellationToken)
    {
        var name = key.ToString();
        using var scope = ControllerLog.BeginReconcile(_logger, Name, name);
        var started = _time.GetTimestamp();
        string result;
        try
        {
            var outcome = await _reconciler.ReconcileAsync(key, _informer.Cache.Get(key), cancellationToken);
            switch (outcome.Kind)
            {
                case ReconcileResultKind.RequeueAfter:
                    queue.Forget(key);
                    queue.AddAfter(key, outcome.Delay);
                    result = "requeue_after";
                    break;
                case ReconcileResultKind.Retry:
                    queue.AddRateLimited(key);
                    result = "retry";
                    break;
                default:
                    queue.Forget(key);
                    result = "success";
                    break;
            }

            ControllerLog.Reconciled(_logger, name, outcome.Kind, _time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            result = "cancelled";
            ControllerLog.Cancelled(_logger, name);
        }
        catch (Exception e)
        {
            result = "error";
            _errors.Inc();
            queue.AddRateLimited(key);
            if (ApiErrors.IsConflict(e))
            {
                ControllerLog.Conflict(_logger, name);
            }
            else if (ApiErrors.IsTransient(e))
            {
                ControllerLog.Unreachable(_logger, name, e.Message);
            }
            else
            {
                ControllerLog.Failed(_logger, name, queue.NumRequeues(key), e);
            }
        }

        _duration.Observe(_time.GetElapsedTime(started).TotalSeconds);
        _reconciles.WithLabels(Name, result).Inc();
    }

    private async Task ResyncAsync(WorkQueue<ObjectKey> queue, TimeSpan period, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var resource in _informer.Cache.List())
                {
                    queue.Add(ObjectKey.Of(resource));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
