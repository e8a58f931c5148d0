using NetworkMachinery.Contracts;

namespace NetworkMachinery.Operator.Connectivity.Probing;

/// <summary>
/// Hands probe tasks to the probers: over the bus (the probe-tasks topic, keyed by node) in a cluster, or straight to
/// an in-process prober in standalone mode. Results come back through <see cref="ProbeResultStore"/>.
/// </summary>
public interface IProbeDispatcher
{
    /// <summary>Sends one task; returns once it is accepted for delivery.</summary>
    ValueTask DispatchAsync(ProbeTask task, CancellationToken cancellationToken);
}
