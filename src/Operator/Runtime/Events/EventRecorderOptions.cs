namespace NetworkMachinery.Operator.Runtime.Events;

/// <summary>How events are attributed, aggregated and rate limited (client-go's defaults).</summary>
public sealed record EventRecorderOptions
{
    /// <summary>The events' <c>source.component</c> and <c>reportingComponent</c>.</summary>
    public string Component { get; init; } = "netm-operator";

    /// <summary>The events' <c>source.host</c> and <c>reportingInstance</c>: which replica wrote them.</summary>
    public string Instance { get; init; } = Environment.MachineName;

    /// <summary>Events remembered for aggregation (least recently seen forgotten first), and objects for the rate limit.</summary>
    public int CacheSize { get; init; } = 4096;

    /// <summary>Events one object may get at once before the rate limit applies (client-go: 25).</summary>
    public int Burst { get; init; } = 25;

    /// <summary>After the burst, one more event per object this often (client-go: 5 minutes).</summary>
    public TimeSpan RefillInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Writes waiting for the API server; beyond this, new events are dropped (and counted) rather than held.</summary>
    public int QueueCapacity { get; init; } = 1000;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A name is empty or a number is not positive.</exception>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Component);
        ArgumentException.ThrowIfNullOrEmpty(Instance);
        ArgumentOutOfRangeException.ThrowIfLessThan(CacheSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Burst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RefillInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, 1);
    }
}
