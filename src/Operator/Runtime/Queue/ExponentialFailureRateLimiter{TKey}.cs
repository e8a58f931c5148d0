namespace NetworkMachinery.Operator.Runtime.Queue;

/// <summary>
/// Per-key exponential backoff: a key's n-th consecutive failure waits <c>baseDelay × 2ⁿ</c>, capped at
/// <c>maxDelay</c> (client-go's <c>ItemExponentialFailureRateLimiter</c>: 5 ms, 10 ms, 20 ms … 1000 s).
/// </summary>
internal sealed class ExponentialFailureRateLimiter<TKey> : IRateLimiter<TKey>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, int> _failures = [];
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;

    public ExponentialFailureRateLimiter(TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        _baseDelay = baseDelay;
        _maxDelay = maxDelay;
    }

    public TimeSpan When(TKey key)
    {
        int exponent;
        lock (_gate)
        {
            _failures.TryGetValue(key, out exponent);
            _failures[key] = exponent + 1;
        }

        // In doubles: 2^exponent overflows a TimeSpan long before the exponent overflows an int.
        var delay = _baseDelay.TotalSeconds * Math.Pow(2, exponent);
        return delay >= _maxDelay.TotalSeconds ? _maxDelay : TimeSpan.FromSeconds(delay);
    }

    public void Forget(TKey key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }

    public int Retries(TKey key)
    {
        lock (_gate)
        {
            return _failures.GetValueOrDefault(key);
        }
    }
}
