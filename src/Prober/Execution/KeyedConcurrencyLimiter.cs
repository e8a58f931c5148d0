namespace NetworkMachinery.Prober.Execution;

/// <summary>
/// At most a given number of holders per key (a source pod) at once. A key's semaphore exists while someone holds or
/// waits for it, so the limiter does not grow with every pod ever seen.
/// </summary>
internal sealed class KeyedConcurrencyLimiter(int limit)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Waits for a slot of <paramref name="key"/>; disposing the returned lease frees it.</summary>
    public async ValueTask<Lease> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry(new SemaphoreSlim(limit, limit));
                _entries.Add(key, entry);
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key, entry);
            throw;
        }

        return new Lease(this, key, entry);
    }

    private void Release(string key, Entry entry)
    {
        entry.Semaphore.Release();
        Leave(key, entry);
    }

    private void Leave(string key, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    /// <summary>A held slot.</summary>
    internal readonly struct Lease(KeyedConcurrencyLimiter owner, string key, Entry entry) : IDisposable
    {
        public void Dispose() => owner.Release(key, entry);
    }

    internal sealed class Entry(SemaphoreSlim semaphore)
    {
        public SemaphoreSlim Semaphore { get; } = semaphore;

        public int Users { get; set; }
    }
}
