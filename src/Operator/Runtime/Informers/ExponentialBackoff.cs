namespace NetworkMachinery.Operator.Runtime.Informers;

/// <summary>
/// Waits that double from an initial value to a cap, jittered to between half and all of that value, so that the
/// informers of many operators do not retry a restarting API server in step.
/// </summary>
internal sealed class ExponentialBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;

    public ExponentialBackoff(TimeSpan initial, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        _initial = initial;
        _max = max;
    }

    /// <summary>Consecutive failures so far.</summary>
    public int Failures { get; private set; }

    /// <summary>Counts a failure and returns how long to wait before the next attempt.</summary>
    public TimeSpan Next()
    {
        var ceiling = Math.Min(_max.TotalSeconds, _initial.TotalSeconds * Math.Pow(2, Failures));
        Failures++;
        return TimeSpan.FromSeconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    /// <summary>An attempt succeeded: the next failure waits the initial value again.</summary>
    public void Reset() => Failures = 0;
}
