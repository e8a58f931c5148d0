namespace NetworkMachinery.Operator.Runtime.Queue;

/// <summary>The longest wait of several limiters, each of which counts every failure (client-go's <c>MaxOfRateLimiter</c>).</summary>
internal sealed class MaxOfRateLimiter<TKey> : IRateLimiter<TKey>
    where TKey : notnull
{
    private readonly IRateLimiter<TKey>[] _limiters;

    public MaxOfRateLimiter(params IRateLimiter<TKey>[] limiters)
    {
        ArgumentOutOfRangeException.ThrowIfZero(limiters.Length);
        _limiters = limiters;
    }

    public TimeSpan When(TKey key)
    {
        var longest = TimeSpan.Zero;
        foreach (var limiter in _limiters)
        {
            var delay = limiter.When(key);
            if (delay > longest)
            {
                longest = delay;
            }
        }

        return longest;
    }

    public void Forget(TKey key)
    {
        foreach (var limiter in _limiters)
        {
            limiter.Forget(key);
        }
    }

    public int Retries(TKey key) => _limiters.Max(limiter => limiter.Retries(key));
}
