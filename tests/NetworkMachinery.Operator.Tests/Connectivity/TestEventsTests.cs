using NetworkMachinery.Operator.Connectivity.Controller;
using NetworkMachinery.Operator.Connectivity.Runs;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Events;

namespace NetworkMachinery.Operator.Tests.Connectivity;

public sealed class TestEventsTests
{
    private static readonly DateTime Run1 = new(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Run2 = Run1.AddMinutes(5);

    [Fact]
    public void Verdict_SameVerdictOfTheSameRunWrittenAgain_IsNoEvent()
    {
        var judged = Status(Run1, 1, NetworkConnectivityTestConditions.Succeeded, "Reachable", "all 1 targets reachable");

        Assert.Null(TestEvents.Verdict(judged, Status(Run1, 1, NetworkConnectivityTestConditions.Succeeded, "Reachable", "all 1 targets reachable")));
    }

    [Fact]
    public void Verdict_RunFinished_IsItsConditionAsAnEvent()
    {
        var running = Status(Run1, 1, null, "Running", "0 of 1 probes finished");

        var degraded = TestEvents.Verdict(running, Status(Run1, 1, NetworkConnectivityTestConditions.Degraded, "PartlyReachable", "1 of 2 targets not reachable: x"));
        var failed = TestEvents.Verdict(running, Status(Run1, 1, NetworkConnectivityTestConditions.Failed, "Unreachable", "no target reachable: x"));

        Assert.Equal(new TestEvents.TestEvent(EventTypes.Warning, "Degraded", "1 of 2 targets not reachable: x"), degraded);
        Assert.Equal(new TestEvents.TestEvent(EventTypes.Warning, "Failed", "no target reachable: x"), failed);
    }

    [Fact]
    public void Verdict_TheSameVerdictForANewRunOrGeneration_IsAnEventAgain_AndARefusedSpecIsInvalidSpec()
    {
        var first = Status(Run1, 1, NetworkConnectivityTestConditions.Succeeded, "Reachable", "all 1 targets reachable");

        var rerun = TestEvents.Verdict(first, Status(Run2, 1, NetworkConnectivityTestConditions.Succeeded, "Reachable", "all 1 targets reachable"));
        var invalid = TestEvents.Verdict(first, Status(Run1, 2, NetworkConnectivityTestConditions.Failed, "InvalidSpec", "spec.destinations[0].port: ..."));

        Assert.Equal(new TestEvents.TestEvent(EventTypes.Normal, "Succeeded", "all 1 targets reachable"), rerun);
        Assert.Equal(new TestEvents.TestEvent(EventTypes.Warning, "InvalidSpec", "spec.destinations[0].port: ..."), invalid);
    }

    [Fact]
    public void TimedOut_CountsOnlyTheRowsThatWerePendingAndGotTheNoResultError()
    {
        var budget = TimeSpan.FromSeconds(11);
        var before = new NetworkConnectivityTestStatus
        {
            Results = [Row(ProbeVerdict.Pending), Row(ProbeVerdict.Pending), Row(ProbeVerdict.Error, "pod ns/x not found")],
        };
        var after = new NetworkConnectivityTestStatus
        {
            Results = [Row(ProbeVerdict.Reachable), Row(ProbeVerdict.Error, RunOutcome.NoResultError(budget)), Row(ProbeVerdict.Error, "pod ns/x not found")],
        };

        var timedOut = TestEvents.TimedOut(before, after, budget);

        Assert.Equal(new TestEvents.TestEvent(EventTypes.Warning, "TimedOut", "1 probe: no result from the prober within 11 s"), timedOut);
        Assert.Null(TestEvents.TimedOut(after, after, budget));
    }

    private static NetworkConnectivityTestStatus Status(DateTime lastRun, long generation, string? holding, string reason, string message)
    {
        var status = new NetworkConnectivityTestStatus { LastRun = lastRun, ObservedGeneration = generation };
        TestConditions.Set(status.Conditions, holding, reason, message, generation, lastRun);
        return status;
    }

    private static ConnectivityResult Row(string verdict, string? error = null) => new() { Source = "host", Destination = "ip/x", Target = "x", Verdict = verdict, Error = error };
}
