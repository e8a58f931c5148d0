namespace NetworkMachinery.Alerting.Delivery;

/// <summary>
/// The most requests sent to one URL: a token bucket per URL that holds up to <see cref="Burst"/> requests and refills
/// at <see cref="PerSecond"/>. Requests beyond it wait their turn (they are not dropped). Slack accepts about one
/// message per second per incoming webhook, hence the default.
/// </summary>
public sealed record DeliveryRateLimit
{
    /// <summary>One request per second, in bursts of up to 5.</summary>
    public static DeliveryRateLimit Default { get; } = new();

    /// <summary>Requests per second a URL gets in the long run; more than 0.</summary>
    public double PerSecond { get; init; } = 1;

    /// <summary>Requests a URL gets at once after a quiet spell; at least 1.</summary>
    public int Burst { get; init; } = 5;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PerSecond, 0, nameof(PerSecond));
        ArgumentOutOfRangeException.ThrowIfLessThan(Burst, 1, nameof(Burst));
    }
}
