namespace NetworkMachinery.Prober.Agent;

/// <summary>How a prober agent takes its tasks from the bus.</summary>
public sealed record ProberAgentOptions
{
    /// <summary>The Kubernetes node the agent runs on: it runs the tasks of the pods on this node.</summary>
    public required string Node { get; init; }

    /// <summary>
    /// Tasks running at once. A task waits for a slot before its message counts as consumed, so a busy agent stops
    /// reading the bus instead of queueing without bound.
    /// </summary>
    public int MaxTasksInFlight { get; init; } = 256;

    /// <summary>
    /// Slack on top of a task's own budget (count × interval + timeout) before it is too old to run: its results
    /// would reach the operator after the run was judged, so a task that waited that long on the bus is dropped.
    /// </summary>
    public TimeSpan StaleAfterBudget { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a graceful stop waits for running tasks to finish and their results to be sent.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
