using k8s.Models;

namespace NetworkMachinery.Operator.Runtime.Events;

/// <summary>
/// client-go's <c>EventCorrelator</c>, reduced to what an operator needs: a per-object token bucket (its
/// <c>EventSourceObjectSpamFilter</c>) drops what a hot loop records beyond the burst, and a repeat of an event already
/// written (same object, type, reason, message and source) becomes a patch of that Event's count and lastTimestamp
/// (its <c>EventLogger</c>) instead of a new Event. Both caches are bounded: the least recently seen entries go first.
/// </summary>
internal sealed class EventCorrelator
{
    private readonly Lock _gate = new();
    private readonly EventRecorderOptions _options;
    private readonly TimeProvider _time;
    private readonly LruCache<string, Aggregate> _aggregates;
    private readonly LruCache<string, Bucket> _buckets;
    private long _lastStamp;

    public EventCorrelator(EventRecorderOptions options, TimeProvider time)
    {
        options.Validate();
        _options = options;
        _time = time;
        _aggregates = new LruCache<string, Aggregate>(options.CacheSize, StringComparer.Ordinal);
        _buckets = new LruCache<string, Bucket>(options.CacheSize, StringComparer.Ordinal);
    }

    /// <summary>
    /// What to write for <paramref name="recorded"/> (an Event with its involved object, type, reason, message and
    /// source set); null when its object is over the rate limit.
    /// </summary>
    public EventWrite? Correlate(Corev1Event recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var involved = recorded.InvolvedObject;
        var objectKey = string.Join('\n', involved.Kind, involved.NamespaceProperty, involved.Name, involved.Uid, involved.ApiVersion);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!TakeToken(objectKey, now))
            {
                return null;
            }

            var key = string.Join('\n', objectKey, recorded.Type, recorded.Reason, recorded.Message, recorded.Source?.Component, recorded.Source?.Host);
            var isNew = !_aggregates.TryGet(key, out var aggregate);
            aggregate = isNew
                ? new Aggregate(EventName(involved.Name, now), 1, now.UtcDateTime)
                : aggregate with { Count = aggregate.Count + 1 };
            _aggregates.Set(key, aggregate);

            recorded.Metadata ??= new V1ObjectMeta();
            recorded.Metadata.Name = aggregate.Name;
            recorded.Metadata.NamespaceProperty = involved.NamespaceProperty ?? "default";
            recorded.Count = aggregate.Count;
            recorded.FirstTimestamp = aggregate.FirstTimestamp;
            recorded.LastTimestamp = now.UtcDateTime;
            return new EventWrite(recorded, isNew);
        }
    }

    private bool TakeToken(string objectKey, DateTimeOffset now)
    {
        var bucket = _buckets.TryGet(objectKey, out var known) ? known : new Bucket(_options.Burst, now);
        var refilled = Math.Min(_options.Burst, bucket.Tokens + ((now - bucket.UpdatedAt) / _options.RefillInterval));
        var allowed = refilled >= 1;
        _buckets.Set(objectKey, new Bucket(allowed ? refilled - 1 : refilled, now));
        return allowed;
    }

    // client-go names an Event after its object and the time in nanoseconds, in hex; two in the same tick get the next stamp.
    private string EventName(string name, DateTimeOffset now)
    {
        var stamp = Math.Max((now - DateTimeOffset.UnixEpoch).Ticks * 100, _lastStamp + 1);
        _lastStamp = stamp;
        return $"{name}.{stamp:x}";
    }

    private sealed record Aggregate(string Name, int Count, DateTime FirstTimestamp);

    private sealed record Bucket(double Tokens, DateTimeOffset UpdatedAt);
}
