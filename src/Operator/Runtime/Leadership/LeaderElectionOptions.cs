namespace NetworkMachinery.Operator.Runtime.Leadership;

/// <summary>
/// Leader election on a coordination.k8s.io/v1 Lease, with client-go's timings: a leader renews every
/// <see cref="RetryPeriod"/>, gives up when it could not renew for <see cref="RenewDeadline"/>, and a candidate takes
/// a lease over once it has seen it unchanged for <see cref="LeaseDuration"/>.
/// </summary>
public sealed record LeaderElectionOptions
{
    /// <summary>How much a retry period is stretched at random (client-go's JitterFactor), so candidates do not try in step.</summary>
    internal const double JitterFactor = 1.2;

    /// <summary>The Lease's name, by convention <c>&lt;operator&gt;-leader</c>.</summary>
    public required string LeaseName { get; init; }

    /// <summary>The Lease's namespace, usually the operator's own.</summary>
    public required string LeaseNamespace { get; init; }

    /// <summary>This instance's identity in the Lease's <c>holderIdentity</c>; unique per process (host name and a random suffix by default).</summary>
    public string Identity { get; init; } = $"{Environment.MachineName}_{Guid.NewGuid():N}";

    /// <summary>How long a candidate waits, from the last change it saw to the lease, before it may take it over.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a leader keeps trying to renew before it stops its controllers; shorter than <see cref="LeaseDuration"/>, so it stops before anyone may take over.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a leader renews and a candidate tries to acquire (the latter jittered).</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>On a graceful shutdown, hand the lease back (after the controllers stopped), so a standby takes over at once.</summary>
    public bool ReleaseOnShutdown { get; init; } = true;

    /// <summary>The lease as <c>namespace/name</c>.</summary>
    internal string Lease => $"{LeaseNamespace}/{LeaseName}";

    /// <summary>Checks client-go's constraints between the timings.</summary>
    /// <exception cref="ArgumentException">A name is missing or the timings are inconsistent.</exception>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(LeaseName);
        ArgumentException.ThrowIfNullOrEmpty(LeaseNamespace);
        ArgumentException.ThrowIfNullOrEmpty(Identity);
        if (RetryPeriod <= TimeSpan.Zero || RenewDeadline <= RetryPeriod * JitterFactor || LeaseDuration <= RenewDeadline)
        {
            throw new ArgumentException(
                $"Leader election needs 0 < retry period × {JitterFactor} < renew deadline < lease duration; got {RetryPeriod}, {RenewDeadline}, {LeaseDuration}.");
        }
    }
}
