using NetworkMachinery.Contracts;

namespace NetworkMachinery.Prober.Agent;

/// <summary>Runs one probe task: every target from the task's source, one result per target as each finishes.</summary>
public interface IProbeTaskRunner
{
    /// <summary>
    /// Probes every target of <paramref name="task"/> and yields one result per target. Problems of the task itself
    /// (a source namespace that cannot be found, a probe kind this agent lacks) come back as results with verdict
    /// Error, not as exceptions.
    /// </summary>
    IAsyncEnumerable<ProbeResult> RunAsync(ProbeTask task, CancellationToken cancellationToken);
}
