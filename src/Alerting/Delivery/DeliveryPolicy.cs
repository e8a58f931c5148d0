namespace NetworkMachinery.Alerting.Delivery;

/// <summary>
/// How hard a notification is pushed to a channel: the attempts, the waits between them (exponential, jittered to
/// between half and all of the doubled value, or what a Retry-After header asks for) and each attempt's timeout.
/// </summary>
public sealed record DeliveryPolicy
{
    /// <summary>The policy used when none is given: 5 attempts, 1 s doubling to at most 1 min between them, 10 s per attempt.</summary>
    public static DeliveryPolicy Default { get; } = new();

    /// <summary>Attempts per channel and event, the first included; at least 1.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait after the first failed attempt; it doubles after each further one.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts that the doubling reaches.</summary>
    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait a Retry-After header (429, 5xx) is followed for; a longer one is cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one attempt may take, from connecting to the response's headers.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BackoffBase, TimeSpan.Zero, nameof(BackoffBase));
        ArgumentOutOfRangeException.ThrowIfLessThan(BackoffMax, BackoffBase, nameof(BackoffMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryAfter, TimeSpan.Zero, nameof(MaxRetryAfter));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AttemptTimeout, TimeSpan.Zero, nameof(AttemptTimeout));
    }
}
