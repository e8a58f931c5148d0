using System.Collections.Concurrent;

namespace NetworkMachinery.Alerting.Delivery;

/// <summary>
/// One <see cref="TokenBucket"/> per destination URL, so that several channels (or monitors) naming the same URL share
/// its limit. Buckets are kept for the process's life: there is one per distinct URL the monitors name, a small number.
/// </summary>
internal sealed class UrlRateLimiter(DeliveryRateLimit limit, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Waits until a request to <paramref name="url"/> may go; true when it had to wait.</summary>
    public async ValueTask<bool> WaitAsync(string url, CancellationToken cancellationToken)
    {
        var wait = _buckets.GetOrAdd(url, static (_, state) => new TokenBucket(state.limit, state.time), (limit, time)).Take();
        if (wait <= TimeSpan.Zero)
        {
            return false;
        }

        await Task.Delay(wait, time, cancellationToken);
        return true;
    }
}
