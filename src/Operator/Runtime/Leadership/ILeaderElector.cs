namespace NetworkMachinery.Operator.Runtime.Leadership;

/// <summary>Where this instance stands in the leader election.</summary>
public interface ILeaderElector
{
    /// <summary>This instance's identity in the lease.</summary>
    string Identity { get; }

    /// <summary>True while this instance holds the lease and its controllers run.</summary>
    bool IsLeader { get; }

    /// <summary>The holder of the lease as last read, or null when it is free or not read yet.</summary>
    string? Leader { get; }

    /// <summary>
    /// True while the election runs and reached the API server within the lease duration: a leader that renews, or a
    /// standby that keeps watching the lease and could take over.
    /// </summary>
    bool IsHealthy { get; }
}
