using NetworkMachinery.Operator.Runtime.Queue;

namespace NetworkMachinery.Operator.Runtime.Controllers;

/// <summary>How one controller runs.</summary>
public sealed record ControllerOptions
{
    /// <summary>
    /// The controller's name, lower case (e.g. <c>networkconnectivitytest</c>): its queue's and its metrics' label and
    /// its logs' scope.
    /// </summary>
    public required string Name { get; init; }

    /// <summary>Keys reconciled concurrently (each key by one worker at a time).</summary>
    public int Workers { get; init; } = 2;

    /// <summary>The namespace whose objects it reconciles, or null for every namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// Ignore updates that leave <c>metadata.generation</c> and <c>metadata.deletionTimestamp</c> as they were: for a
    /// custom resource with a status subresource those are status (and metadata) writes, the controller's own among
    /// them. Objects without a generation (e.g. ConfigMaps) are never skipped.
    /// </summary>
    public bool SkipStatusOnlyUpdates { get; init; } = true;

    /// <summary>How failed keys are retried.</summary>
    public RateLimiterOptions RateLimiter { get; init; } = new();

    /// <summary>Reconcile every cached object again this often, as a safety net for a level-triggered controller; null: never.</summary>
    public TimeSpan? ResyncPeriod { get; init; }

    /// <summary>
    /// On stop (leadership lost, shutdown), how long reconciles in progress may run on before their cancellation token
    /// is cancelled. Keys still queued are left to whichever instance leads next.
    /// </summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
