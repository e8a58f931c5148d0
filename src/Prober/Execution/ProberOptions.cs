namespace NetworkMachinery.Prober.Execution;

/// <summary>How a node's prober runs its tasks.</summary>
public sealed record ProberOptions
{
    /// <summary>The node this prober runs on; results carry it as <c>source.node</c> when the task names none.</summary>
    public string NodeName { get; init; } = Environment.MachineName;

    /// <summary>Probes running at once on this node, over all tasks; more wait for a slot.</summary>
    public int MaxConcurrentProbesPerNode { get; init; } = 256;

    /// <summary>Probes running at once from one source pod (or from the host); more wait for a slot.</summary>
    public int MaxConcurrentProbesPerPod { get; init; } = 32;

    /// <summary>The timeout of a task that gives none.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The interval of a task that gives none.</summary>
    public TimeSpan DefaultInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The payload size of a task that gives none (ping's default).</summary>
    public int DefaultPayloadSize { get; init; } = 56;

    /// <summary>The most attempts per target a task may ask for; more are cut to this.</summary>
    public int MaxCount { get; init; } = 100;

    /// <summary>
    /// Time a probe may take beyond its own bound (<c>(count - 1) * interval + timeout</c>) before it is given up as
    /// Timeout, so that a probe stuck on something the network did not cause never holds its task's other targets.
    /// </summary>
    public TimeSpan ProbeSlack { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Throws when a value cannot work.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentProbesPerNode, 1, nameof(MaxConcurrentProbesPerNode));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentProbesPerPod, 1, nameof(MaxConcurrentProbesPerPod));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCount, 1, nameof(MaxCount));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DefaultTimeout, TimeSpan.Zero, nameof(DefaultTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(DefaultInterval, TimeSpan.Zero, nameof(DefaultInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(DefaultPayloadSize, 0, nameof(DefaultPayloadSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(ProbeSlack, TimeSpan.Zero, nameof(ProbeSlack));
    }
}
