using System.Collections.Immutable;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Runtime.Metrics;
using NetworkMachinery.Operator.Runtime.Resources;
using Prometheus;

namespace NetworkMachinery.Operator.Runtime.Informers;

/// <summary>
/// client-go's reflector and shared informer in one loop: list (in pages) into the cache, then watch from the list's
/// resourceVersion; when a watch ends (its timeout, a broken connection, an API server restart) watch again from the
/// last resourceVersion seen, so no change is missed; list again only when that version has expired (410 Gone, as a
/// request's answer or a watch's error event), reporting the difference to the cache as adds, updates and deletes.
/// Any other failure, an unreachable API server above all, is logged and retried after a jittered exponential backoff;
/// the loop ends only when cancelled.
/// </summary>
internal sealed class Informer<T> : IInformer<T>, IRunnableInformer
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    // A watch that ends this soon without a single event is treated as a failure, so a server that accepts and closes
    // at once is not hammered in a loop.
    private static readonly TimeSpan ShortestHealthyWatch = TimeSpan.FromSeconds(1);

    private readonly IResourceClient<T> _client;
    private readonly InformerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResourceCache<T> _cache = new();
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _dispatchGate = new();
    private readonly string _resource;
    private readonly Counter.Child _lists;
    private readonly Counter.Child _failures;
    private readonly Gauge.Child _objects;
    private readonly Counter _events;
    private ImmutableArray<IResourceEventHandler<T>> _handlers = [];
    private string? _resourceVersion;

    public Informer(IResourceClient<T> client, string? @namespace, InformerOptions options, InformerMetrics metrics, TimeProvider time, ILogger logger)
    {
        _client = client;
        Namespace = @namespace;
        _options = options;
        _time = time;
        _logger = logger;
        _resource = client.Type.ToString();
        _lists = metrics.Lists.WithLabels(_resource);
        _failures = metrics.Failures.WithLabels(_resource);
        _objects = metrics.Objects.WithLabels(_resource);
        _events = metrics.Events;
    }

    public ResourceType Type => _client.Type;

    public string? Namespace { get; }

    public bool HasSynced => _synced.Task.IsCompleted;

    public IResourceCache<T> Cache => _cache;

    /// <summary>The resourceVersion the next watch starts from: the last list's or event's.</summary>
    public string? ResourceVersion => Volatile.Read(ref _resourceVersion);

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    public IDisposable AddEventHandler(IResourceEventHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_dispatchGate)
        {
            _handlers = _handlers.Add(handler);
            foreach (var resource in _cache.List())
            {
                Notify(handler, "add", resource, static (h, r, _) => h.OnAdd(r), null);
            }
        }

        return new Subscription(this, handler);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new ExponentialBackoff(_options.InitialBackoff, _options.MaxBackoff);
        var mustList = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (mustList)
                {
                    await ListAsync(cancellationToken);
                    mustList = false;
                    Recovered(backoff);
                }

                var started = _time.GetTimestamp();
                var events = await WatchAsync(backoff, cancellationToken);
                if (events == 0 && _time.GetElapsedTime(started) < ShortestHealthyWatch)
                {
                    await DelayAsync(backoff.Next(), cancellationToken);
                }
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: whatever the cancelled request threw (a cancellation, or a read on a closed stream).
                return;
            }
            catch (Exception e) when (ApiErrors.IsGone(e))
            {
                InformerLog.Expired(_logger, _resource, ResourceVersion, e.Message);

                // Expiring during a list (its continue token) again and again must not spin: back off then.
                if (mustList)
                {
                    _failures.Inc();
                    await DelayAsync(backoff.Next(), cancellationToken);
                }

                mustList = true;
            }
            catch (Exception e)
            {
                _failures.Inc();
                var delay = backoff.Next();
                if (ApiErrors.IsTransient(e))
                {
                    InformerLog.Unreachable(_logger, _resource, e.Message, backoff.Failures, (long)delay.TotalMilliseconds);
                }
                else
                {
                    InformerLog.Failed(_logger, _resource, backoff.Failures, (long)delay.TotalMilliseconds, e);
                }

                await DelayAsync(delay, cancellationToken);
            }
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // RunAsync's loop condition ends it.
        }
    }

    private void Recovered(ExponentialBackoff backoff)
    {
        if (backoff.Failures > 0)
        {
            InformerLog.Recovered(_logger, _resource, backoff.Failures, ResourceVersion);
            backoff.Reset();
        }
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? version = null;
        string? continueToken = null;
        do
        {
            var page = await _client.ListAsync(Namespace, _options.PageSize, continueToken, cancellationToken);
            version ??= page.Metadata?.ResourceVersion;
            items.AddRange(page.Items ?? []);
            continueToken = page.Metadata?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(continueToken));

        _lists.Inc();
        var (added, updated, deleted) = Replace(items);
        Volatile.Write(ref _resourceVersion, version);
        InformerLog.Listed(_logger, _resource, items.Count, version, added, updated, deleted);
        _synced.TrySetResult();
    }

    private (int Added, int Updated, int Deleted) Replace(List<T> items)
    {
        int added = 0, updated = 0, deleted = 0;
        lock (_dispatchGate)
        {
            var listed = new HashSet<ObjectKey>();
            foreach (var item in items)
            {
                listed.Add(ObjectKey.Of(item));
                var previous = _cache.Upsert(item);
                if (previous is null)
                {
                    added++;
                    Dispatch("add", item, static (h, r, _) => h.OnAdd(r), null);
                }
                else if (previous.Metadata.ResourceVersion != item.Metadata.ResourceVersion)
                {
                    updated++;
                    Dispatch("update", item, static (h, r, p) => h.OnUpdate(p!, r), previous);
                }
            }

            // Deleted while no watch was open: gone from the list, so the last state seen is reported deleted.
            foreach (var key in _cache.Keys())
            {
                if (!listed.Contains(key) && _cache.Remove(key) is { } removed)
                {
                    deleted++;
                    Dispatch("delete", removed, static (h, r, _) => h.OnDelete(r), null);
                }
            }

            _objects.Set(_cache.Count);
        }

        return (added, updated, deleted);
    }

    private async Task<int> WatchAsync(ExponentialBackoff backoff, CancellationToken cancellationToken)
    {
        var from = ResourceVersion ?? throw new InvalidOperationException("Watching needs the resourceVersion of a list.");
        var timeout = _options.WatchTimeout * (1 + Random.Shared.NextDouble());
        using var stall = new CancellationTokenSource(timeout + _options.WatchGrace, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
        var events = 0;
        try
        {
            await foreach (var (type, resource) in _client.WatchAsync(Namespace, from, timeout, linked.Token))
            {
                if (events++ == 0)
                {
                    Recovered(backoff);
                }

                Apply(type, resource);
            }

            InformerLog.WatchEnded(_logger, _resource, events, ResourceVersion);
        }
        catch (OperationCanceledException) when (stall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            InformerLog.Stalled(_logger, _resource, ResourceVersion, _options.WatchGrace);
        }

        return events;
    }

    private void Apply(WatchEventType type, T resource)
    {
        _events.WithLabels(_resource, type switch
        {
            WatchEventType.Added => "added",
            WatchEventType.Modified => "modified",
            WatchEventType.Deleted => "deleted",
            WatchEventType.Bookmark => "bookmark",
            _ => "error",
        }).Inc();

        if (type is WatchEventType.Added or WatchEventType.Modified)
        {
            lock (_dispatchGate)
            {
                var previous = _cache.Upsert(resource);
                if (previous is null)
                {
                    Dispatch("add", resource, static (h, r, _) => h.OnAdd(r), null);
                }
                else
                {
                    Dispatch("update", resource, static (h, r, p) => h.OnUpdate(p!, r), previous);
                }

                _objects.Set(_cache.Count);
            }
        }
        else if (type is WatchEventType.Deleted)
        {
            lock (_dispatchGate)
            {
                _cache.Remove(ObjectKey.Of(resource));
                Dispatch("delete", resource, static (h, r, _) => h.OnDelete(r), null);
                _objects.Set(_cache.Count);
            }
        }
        else if (type is not WatchEventType.Bookmark)
        {
            throw new InvalidOperationException($"Unexpected watch event {type} for {_resource}.");
        }

        // A bookmark carries only this: the version the next watch may start from.
        if (!string.IsNullOrEmpty(resource.Metadata?.ResourceVersion))
        {
            Volatile.Write(ref _resourceVersion, resource.Metadata.ResourceVersion);
        }
    }

    private void Dispatch(string @event, T resource, Action<IResourceEventHandler<T>, T, T?> call, T? previous)
    {
        foreach (var handler in _handlers)
        {
            Notify(handler, @event, resource, call, previous);
        }
    }

    private void Notify(IResourceEventHandler<T> handler, string @event, T resource, Action<IResourceEventHandler<T>, T, T?> call, T? previous)
    {
        try
        {
            call(handler, resource, previous);
        }
        catch (Exception e)
        {
            // One faulty handler must not stop the cache, nor the other handlers.
            InformerLog.HandlerFailed(_logger, _resource, handler.GetType().Name, @event, ObjectKey.Of(resource).ToString(), e);
        }
    }

    private void Remove(IResourceEventHandler<T> handler)
    {
        lock (_dispatchGate)
        {
            _handlers = _handlers.Remove(handler);
        }
    }

    private sealed class Subscription(Informer<T> informer, IResourceEventHandler<T> handler) : IDisposable
    {
        public void Dispose() => informer.Remove(handler);
    }
}
