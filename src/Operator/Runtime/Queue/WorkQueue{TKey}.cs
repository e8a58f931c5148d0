using NetworkMachinery.Operator.Runtime.Metrics;
using Prometheus;

namespace NetworkMachinery.Operator.Runtime.Queue;

/// <summary>
/// client-go's rate-limiting work queue in one type: a FIFO of "dirty" keys that are queued at most once, the set of
/// keys being processed (a key added while processing waits in the dirty set until <see cref="Done"/>), a heap of keys
/// waiting for a delay (one <see cref="System.Threading.ITimer"/> armed for the earliest), and a rate limiter for retries. Workers wait
/// asynchronously, first come first served; a key added while workers wait is handed to the first of them directly.
/// </summary>
internal sealed class WorkQueue<TKey> : IWorkQueue<TKey>, IDisposable
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Queue<TKey> _queue = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly Dictionary<TKey, long> _addedAt = [];
    private readonly Dictionary<TKey, long> _processingSince = [];
    private readonly LinkedList<TaskCompletionSource<(TKey, bool)>> _waiters = new();
    private readonly PriorityQueue<TKey, long> _delayed = new();
    private readonly Dictionary<TKey, long> _readyAt = [];
    private readonly IRateLimiter<TKey> _rateLimiter;
    private readonly TimeProvider _time;
    private readonly System.Threading.ITimer _timer;
    private readonly Gauge.Child _depth;
    private readonly Counter.Child _adds;
    private readonly Counter.Child _retries;
    private readonly Histogram.Child _queueDuration;
    private readonly Histogram.Child _workDuration;
    private long _timerDueAt = long.MaxValue;
    private TaskCompletionSource? _drained;
    private bool _shuttingDown;

    public WorkQueue(string name, IRateLimiter<TKey> rateLimiter, TimeProvider time, WorkQueueMetrics metrics)
    {
        _rateLimiter = rateLimiter;
        _time = time;
        _timer = time.CreateTimer(static state => ((WorkQueue<TKey>)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _depth = metrics.Depth.WithLabels(name);
        _adds = metrics.Adds.WithLabels(name);
        _retries = metrics.Retries.WithLabels(name);
        _queueDuration = metrics.QueueDuration.WithLabels(name);
        _workDuration = metrics.WorkDuration.WithLabels(name);
        _depth.Set(0);
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public bool IsShuttingDown
    {
        get
        {
            lock (_gate)
            {
                return _shuttingDown;
            }
        }
    }

    public void Add(TKey key)
    {
        lock (_gate)
        {
            AddLocked(key);
        }
    }

    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_gate)
        {
            if (_shuttingDown)
            {
                return;
            }

            var due = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);
            if (_readyAt.TryGetValue(key, out var pending) && pending <= due)
            {
                return;
            }

            // A later entry for the same key stays in the heap; OnTimer skips it because _readyAt no longer matches.
            _readyAt[key] = due;
            _delayed.Enqueue(key, due);
            if (due < _timerDueAt)
            {
                ArmLocked(due);
            }
        }
    }

    public void AddRateLimited(TKey key)
    {
        _retries.Inc();
        AddAfter(key, _rateLimiter.When(key));
    }

    public void Forget(TKey key) => _rateLimiter.Forget(key);

    public int NumRequeues(TKey key) => _rateLimiter.Retries(key);

    public ValueTask<(TKey Key, bool ShutDown)> GetAsync(CancellationToken cancellationToken)
    {
        LinkedListNode<TaskCompletionSource<(TKey, bool)>> waiter;
        lock (_gate)
        {
            if (_queue.TryDequeue(out var key))
            {
                _depth.Set(_queue.Count);
                return ValueTask.FromResult((StartLocked(key), false));
            }

            if (_shuttingDown)
            {
                return ValueTask.FromResult((default(TKey)!, true));
            }

            cancellationToken.ThrowIfCancellationRequested();
            waiter = _waiters.AddLast(new TaskCompletionSource<(TKey, bool)>(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        return WaitAsync(waiter, cancellationToken);
    }

    public void Done(TKey key)
    {
        lock (_gate)
        {
            if (_processingSince.Remove(key, out var since))
            {
                _workDuration.Observe(_time.GetElapsedTime(since).TotalSeconds);
            }

            if (_dirty.Contains(key))
            {
                EnqueueLocked(key);
            }
            else if (_processingSince.Count == 0)
            {
                _drained?.TrySetResult();
            }
        }
    }

    public void ShutDown()
    {
        lock (_gate)
        {
            if (_shuttingDown)
            {
                return;
            }

            _shuttingDown = true;
            _delayed.Clear();
            _readyAt.Clear();

            // Waiters exist only while the queue is empty, so each of them can be told it is over.
            foreach (var waiter in _waiters)
            {
                waiter.TrySetResult((default!, true));
            }

            _waiters.Clear();
        }

        _timer.Dispose();
    }

    public async Task ShutDownWithDrainAsync(CancellationToken cancellationToken)
    {
        ShutDown();
        Task drained;
        lock (_gate)
        {
            if (_processingSince.Count == 0)
            {
                return;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = _drained.Task;
        }

        await drained.WaitAsync(cancellationToken);
    }

    public void Dispose() => ShutDown();

    private void AddLocked(TKey key)
    {
        if (_shuttingDown)
        {
            return;
        }

        _adds.Inc();
        if (!_dirty.Add(key))
        {
            return;
        }

        _addedAt.TryAdd(key, _time.GetTimestamp());
        if (!_processingSince.ContainsKey(key))
        {
            EnqueueLocked(key);
        }
    }

    private void EnqueueLocked(TKey key)
    {
        // Cancelled waiters leave the list under this lock, so every waiter found here still waits.
        if (_waiters.First is { } first)
        {
            _waiters.RemoveFirst();
            first.Value.SetResult((StartLocked(key), false));
            return;
        }

        _queue.Enqueue(key);
        _depth.Set(_queue.Count);
    }

    private TKey StartLocked(TKey key)
    {
        var now = _time.GetTimestamp();
        _dirty.Remove(key);
        _processingSince[key] = now;
        if (_addedAt.Remove(key, out var addedAt))
        {
            _queueDuration.Observe(_time.GetElapsedTime(addedAt, now).TotalSeconds);
        }

        return key;
    }

    private async ValueTask<(TKey Key, bool ShutDown)> WaitAsync(LinkedListNode<TaskCompletionSource<(TKey, bool)>> waiter, CancellationToken cancellationToken)
    {
        await using (cancellationToken.Register(() => Abandon(waiter, cancellationToken)))
        {
            return await waiter.Value.Task;
        }
    }

    private void Abandon(LinkedListNode<TaskCompletionSource<(TKey, bool)>> waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Not in the list any more: it was handed a key (or told of the shutdown) first, and keeps that answer.
            if (waiter.List is null)
            {
                return;
            }

            _waiters.Remove(waiter);
        }

        waiter.Value.TrySetCanceled(cancellationToken);
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            _timerDueAt = long.MaxValue;
            var now = _time.GetTimestamp();
            while (_delayed.TryPeek(out var key, out var due) && due <= now)
            {
                _delayed.Dequeue();
                if (_readyAt.TryGetValue(key, out var current) && current == due)
                {
                    _readyAt.Remove(key);
                    AddLocked(key);
                }
            }

            if (_delayed.TryPeek(out _, out var next))
            {
                ArmLocked(next);
            }
        }
    }

    private void ArmLocked(long due)
    {
        if (_shuttingDown)
        {
            return;
        }

        _timerDueAt = due;
        var wait = (due - _time.GetTimestamp()) / (double)_time.TimestampFrequency;
        _timer.Change(TimeSpan.FromSeconds(Math.Max(0, wait)), Timeout.InfiniteTimeSpan);
    }
}
