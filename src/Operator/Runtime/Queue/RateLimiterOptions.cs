namespace NetworkMachinery.Operator.Runtime.Queue;

/// <summary>
/// How a controller's failed keys are retried: per-key exponential backoff under an overall token bucket, client-go's
/// <c>DefaultControllerRateLimiter</c> (5 ms doubling to 1000 s per key, 10 retries a second with bursts of 100 overall).
/// </summary>
public sealed record RateLimiterOptions
{
    /// <summary>The wait after a key's first failure; each further consecutive failure doubles it.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The longest a failing key waits between tries.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(1000);

    /// <summary>Retries per second across all keys once the burst is spent.</summary>
    public double RetriesPerSecond { get; init; } = 10;

    /// <summary>Retries that may pass at once before <see cref="RetriesPerSecond"/> applies.</summary>
    public int Burst { get; init; } = 100;

    /// <summary>The rate limiter these options describe.</summary>
    internal IRateLimiter<TKey> Create<TKey>(TimeProvider time)
        where TKey : notnull =>
        new MaxOfRateLimiter<TKey>(
            new ExponentialFailureRateLimiter<TKey>(BaseDelay, MaxDelay),
            new BucketRateLimiter<TKey>(RetriesPerSecond, Burst, time));
}
