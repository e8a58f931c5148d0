namespace NetworkMachinery.Operator.Runtime.Queue;

/// <summary>
/// A controller's queue of keys to reconcile, with client-go's guarantees: a key added while it waits is queued once; a
/// key added while a worker processes it is processed again after <see cref="Done"/>, never by two workers at once;
/// failed keys come back after a rate-limited backoff.
/// </summary>
/// <typeparam name="TKey">What is queued, e.g. an object's namespace and name.</typeparam>
public interface IWorkQueue<TKey>
    where TKey : notnull
{
    /// <summary>Keys waiting for a worker (not those being processed or waiting for a delay).</summary>
    int Count { get; }

    /// <summary>True once <see cref="ShutDown"/> was called: adds are ignored from then on.</summary>
    bool IsShuttingDown { get; }

    /// <summary>Queues <paramref name="key"/> unless it waits already; ignored after shutdown.</summary>
    void Add(TKey key);

    /// <summary>Queues <paramref name="key"/> after <paramref name="delay"/>; an earlier pending time for the same key wins.</summary>
    void AddAfter(TKey key, TimeSpan delay);

    /// <summary>Queues <paramref name="key"/> after its rate limiter's backoff, counting one more failure for it.</summary>
    void AddRateLimited(TKey key);

    /// <summary>Forgets <paramref name="key"/>'s failures, so that its next failure backs off from the start again.</summary>
    void Forget(TKey key);

    /// <summary>How many times <paramref name="key"/> was retried since it was last forgotten.</summary>
    int NumRequeues(TKey key);

    /// <summary>
    /// Waits for the next key and hands it to the caller, who must call <see cref="Done"/> when finished with it. After
    /// shutdown, keys still queued are handed out until none remain; then the answer is <c>ShutDown = true</c>.
    /// </summary>
    ValueTask<(TKey Key, bool ShutDown)> GetAsync(CancellationToken cancellationToken);

    /// <summary>Marks <paramref name="key"/> processed; if it was added meanwhile it is queued again now.</summary>
    void Done(TKey key);

    /// <summary>Ignores further adds, drops delayed keys, and wakes every waiting <see cref="GetAsync"/> once the queue is empty.</summary>
    void ShutDown();

    /// <summary>Shuts down, then waits until every key handed out has been marked <see cref="Done"/>.</summary>
    Task ShutDownWithDrainAsync(CancellationToken cancellationToken);
}
