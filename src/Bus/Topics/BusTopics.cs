namespace NetworkMachinery.Bus.Topics;

/// <summary>
/// The topics the components exchange messages on: <c>PREFIX.flows</c>, <c>PREFIX.counters</c>,
/// <c>PREFIX.probe-tasks</c>, <c>PREFIX.probe-results</c>, <c>PREFIX.events</c> and <c>PREFIX.dead-letters</c>, with <c>netm</c> as the default prefix.
/// </summary>
/// <param name="Prefix">Prepended with a dot to every topic name, so several installations can share one cluster.</param>
public sealed record BusTopics(string Prefix = "netm")
{
    /// <summary>Flow records, one message per sFlow datagram, keyed by agent and sub-agent.</summary>
    public string Flows => $"{Prefix}.flows";

    /// <summary>Counter records, one message per sFlow datagram, keyed by agent and sub-agent.</summary>
    public string Counters => $"{Prefix}.counters";

    /// <summary>Connectivity probe tasks from the operator to the probers, keyed by the node that runs them.</summary>
    public string ProbeTasks => $"{Prefix}.probe-tasks";

    /// <summary>Results of connectivity probes, keyed by test.</summary>
    public string ProbeResults => $"{Prefix}.probe-results";

    /// <summary>Network events raised by the alerting component, keyed by monitor.</summary>
    public string Events => $"{Prefix}.events";

    /// <summary>Messages a consumer could not handle, each wrapped with the reason.</summary>
    public string DeadLetters => $"{Prefix}.dead-letters";
}
