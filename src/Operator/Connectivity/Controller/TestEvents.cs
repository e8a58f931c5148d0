using NetworkMachinery.Operator.Connectivity.Runs;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Events;

namespace NetworkMachinery.Operator.Connectivity.Controller;

/// <summary>
/// The Kubernetes Events a connectivity test gets, one per transition of its status rather than per reconcile: a
/// run's start (what could not be resolved, what was dispatched), probes that timed out, and the verdict.
/// </summary>
internal static class TestEvents
{
    private const int Shown = 3;

    /// <summary>An event to record.</summary>
    public readonly record struct TestEvent(string Type, string Reason, string Message);

    /// <summary>
    /// The verdict event when <paramref name="after"/> holds a verdict that <paramref name="before"/> did not (another
    /// condition or reason, another generation, or another run): Succeeded, Failed (InvalidSpec for a spec the
    /// controller refused), Degraded. Null when nothing was judged anew.
    /// </summary>
    public static TestEvent? Verdict(NetworkConnectivityTestStatus? before, NetworkConnectivityTestStatus after)
    {
        var holding = after.Conditions.FirstOrDefault(c => c.Status == "True");
        if (holding is null)
        {
            return null;
        }

        var previous = before?.Conditions.FirstOrDefault(c => c.Status == "True");
        if (previous is not null && (previous.Type, previous.Reason, previous.ObservedGeneration, before!.LastRun) == (holding.Type, holding.Reason, holding.ObservedGeneration, after.LastRun))
        {
            return null;
        }

        return holding.Type switch
        {
            NetworkConnectivityTestConditions.Succeeded => new TestEvent(EventTypes.Normal, "Succeeded", holding.Message),
            NetworkConnectivityTestConditions.Degraded => new TestEvent(EventTypes.Warning, "Degraded", holding.Message),
            _ => new TestEvent(EventTypes.Warning, holding.Reason == "InvalidSpec" ? "InvalidSpec" : "Failed", holding.Message),
        };
    }

    /// <summary>What a run's start is worth telling: the rows that could not be resolved, then the probes dispatched.</summary>
    public static IEnumerable<TestEvent> Started(RunPlan plan)
    {
        var unresolved = plan.Rows.Where(r => r.Verdict == ProbeVerdict.Error).ToList();
        if (unresolved.Count > 0)
        {
            var reasons = unresolved.Select(r => r.Error).Distinct(StringComparer.Ordinal).ToList();
            var shown = string.Join("; ", reasons.Take(Shown)) + (reasons.Count > Shown ? $"; and {reasons.Count - Shown} more" : "");
            yield return new TestEvent(EventTypes.Warning, "ResolutionFailed", $"{unresolved.Count} of {plan.Rows.Count} probes could not be resolved: {shown}");
        }

        if (plan.Probes.Count > 0)
        {
            var destinations = plan.Rows.Where(r => r.Verdict == ProbeVerdict.Pending).Select(r => r.Destination).Distinct(StringComparer.Ordinal).Count();
            yield return new TestEvent(
                EventTypes.Normal,
                "ProbesDispatched",
                $"{Count(plan.Probes.Count, "probe")} from {Count(plan.Tasks.Count, "source")} to {Count(destinations, "destination")}");
        }
    }

    /// <summary>The probes that were pending in <paramref name="before"/> and timed out in <paramref name="after"/>, if any.</summary>
    public static TestEvent? TimedOut(NetworkConnectivityTestStatus before, NetworkConnectivityTestStatus after, TimeSpan budget)
    {
        var error = RunOutcome.NoResultError(budget);
        var timedOut = before.Results.Zip(after.Results).Count(rows => rows.First.Verdict == ProbeVerdict.Pending && rows.Second.Error == error);
        return timedOut == 0 ? null : new TestEvent(EventTypes.Warning, "TimedOut", $"{Count(timedOut, "probe")}: {error}");
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
