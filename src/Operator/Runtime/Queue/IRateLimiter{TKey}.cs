namespace NetworkMachinery.Operator.Runtime.Queue;

/// <summary>Decides how long a key waits before it is retried (client-go's <c>workqueue.RateLimiter</c>).</summary>
/// <typeparam name="TKey">The work queue's key.</typeparam>
public interface IRateLimiter<in TKey>
    where TKey : notnull
{
    /// <summary>How long <paramref name="key"/> waits before its next try; each call counts one more failure.</summary>
    TimeSpan When(TKey key);

    /// <summary>Forgets <paramref name="key"/>'s failures: it succeeded, its next failure starts from the base delay.</summary>
    void Forget(TKey key);

    /// <summary>How many times <paramref name="key"/> failed since it was last forgotten.</summary>
    int Retries(TKey key);
}
