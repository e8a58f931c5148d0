namespace NetworkMachinery.Operator.Admission.Certificates;

/// <summary>Wakes a loop that waits with a timeout; wakes while it is busy collapse into one, so it never falls behind.</summary>
internal sealed class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    /// <summary>Wakes the waiter, or the next wait if none waits now.</summary>
    public void Wake()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Woken already.
        }
        catch (ObjectDisposedException)
        {
            // An event after shutdown: nobody waits any more.
        }
    }

    /// <summary>Waits for a wake, or until <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => _semaphore.Dispose();
}
