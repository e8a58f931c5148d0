using NetworkMachinery.Contracts;

namespace NetworkMachinery.Prober.Agent;

/// <summary>
/// Which tasks of the probe-tasks topic an agent runs. Every agent reads the whole topic in a consumer group of its
/// own node and runs only its node's tasks (a pod source, or a node source naming it); tasks that name no node (the
/// test gave no source: "from a node") go to one agent of all, through a consumer group the agents share.
/// </summary>
public static class TaskSelector
{
    /// <summary>The consumer group in which only <paramref name="node"/>'s agent reads.</summary>
    public static string NodeGroup(string node) => $"netm-prober-{node}";

    /// <summary>The consumer group every agent joins for tasks that name no node, so that exactly one runs each.</summary>
    public const string AnyNodeGroup = "netm-prober-any-node";

    /// <summary>Whether the agent of <paramref name="node"/> runs <paramref name="task"/> from its node's group.</summary>
    public static bool IsForNode(ProbeTask task, string node) =>
        task.Source is { Node.Length: > 0 } source && string.Equals(source.Node, node, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="task"/> names no node, and so is run from the shared group.</summary>
    public static bool IsForAnyNode(ProbeTask task) => task.Source is not { Node.Length: > 0 };
}
