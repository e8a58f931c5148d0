namespace NetworkMachinery.Alerting.Delivery;

/// <summary>
/// A token bucket that hands out reservations: a caller takes a token now even when none is left and is told how long
/// to wait for it, so waiters are served in the order they came and none spins. The balance goes negative by the
/// tokens promised ahead.
/// </summary>
internal sealed class TokenBucket(DeliveryRateLimit limit, TimeProvider time)
{
    private readonly Lock _lock = new();
    private double _tokens = limit.Burst;
    private long _refilledAt = time.GetTimestamp();

    /// <summary>Takes a token; how long to wait before using it (zero when one was there).</summary>
    public TimeSpan Take()
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(limit.Burst, _tokens + (time.GetElapsedTime(_refilledAt, now).TotalSeconds * limit.PerSecond));
            _refilledAt = now;
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / limit.PerSecond);
        }
    }
}
