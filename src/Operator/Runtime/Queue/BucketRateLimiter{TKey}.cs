namespace NetworkMachinery.Operator.Runtime.Queue;

/// <summary>
/// An overall token bucket over every key (client-go's <c>BucketRateLimiter</c>): <c>burst</c> retries pass at once,
/// then <c>qps</c> a second. Each call reserves a token, possibly from the future, and answers how long until it is due,
/// so that a storm of failures across many keys cannot hammer the API server.
/// </summary>
internal sealed class BucketRateLimiter<TKey> : IRateLimiter<TKey>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly double _qps;
    private readonly int _burst;
    private double _tokens;
    private long _updatedAt;

    public BucketRateLimiter(double qps, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(qps, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _qps = qps;
        _burst = burst;
        _time = time;
        _tokens = burst;
        _updatedAt = time.GetTimestamp();
    }

    public TimeSpan When(TKey key)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (_time.GetElapsedTime(_updatedAt, now).TotalSeconds * _qps));
            _updatedAt = now;
            _tokens--;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _qps);
        }
    }

    public void Forget(TKey key)
    {
    }

    public int Retries(TKey key) => 0;
}
