namespace NetworkMachinery.Testing.Polling;

/// <summary>Waiting for a condition that no event announces: a process gone, a line printed, samples arrived.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Checks <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes; returns the last answer.</summary>
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(Interval, cancellationToken);
        }

        return true;
    }
}
