using NetworkMachinery.Operator.Runtime.Events;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Leadership;

namespace NetworkMachinery.Operator.Runtime.Hosting;

/// <summary>How the operator's runtime runs its informers and controllers.</summary>
public sealed record OperatorRuntimeOptions
{
    /// <summary>Leader election, so that of several replicas one runs the controllers; null runs them at once, unelected.</summary>
    public LeaderElectionOptions? LeaderElection { get; init; }

    /// <summary>How the informers list, watch and retry.</summary>
    public InformerOptions Informers { get; init; } = new();

    /// <summary>How Kubernetes Events are attributed (set the instance to the leader election identity), aggregated and rate limited.</summary>
    public EventRecorderOptions Events { get; init; } = new();
}
