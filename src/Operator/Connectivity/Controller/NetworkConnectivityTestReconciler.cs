using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Connectivity.Probing;
using NetworkMachinery.Operator.Connectivity.Resolution;
using NetworkMachinery.Operator.Connectivity.Runs;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Events;
using NetworkMachinery.Operator.Runtime.Resources;
using NetworkMachinery.Operator.Validation;

namespace NetworkMachinery.Operator.Connectivity.Controller;

/// <summary>
/// Reconciles a NetworkConnectivityTest: validates it, and when its spec changed or its schedule is due, resolves its
/// sources and destinations, writes a pending row per probe into its status and hands the probe tasks to the probers;
/// then, as results arrive, writes them into the rows, times out what did not answer within the run's budget, and
/// judges the run into the Succeeded, Failed and Degraded conditions. Each transition (a refused spec, a run started,
/// probes timed out, a verdict) is also recorded as a Kubernetes Event on the test (<see cref="TestEvents"/>).
/// </summary>
/// <remarks>
/// Level-triggered and idempotent: the run in flight is named by the status (spec generation and start time), so any
/// instance derives it; a status write that changes nothing makes no request. A run that this instance did not start
/// (another leader's, or one from before a restart) cannot receive its results here, so it is started again.
/// </remarks>
internal sealed partial class NetworkConnectivityTestReconciler(
    IResourceClient<V1Alpha1NetworkConnectivityTest> client,
    IClusterView cluster,
    IProbeDispatcher dispatcher,
    ProbeResultStore results,
    IEventRecorder events,
    TimeProvider time,
    ILogger<NetworkConnectivityTestReconciler> logger) : IReconciler<V1Alpha1NetworkConnectivityTest>
{
    // Each result arriving in the store reconciles its test (the store is a key source of the controller); a result
    // that arrives before the informer's cache shows the run that asked for it comes back after this.
    internal static readonly TimeSpan CacheCatchUp = TimeSpan.FromMilliseconds(200);

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, V1Alpha1NetworkConnectivityTest? test, CancellationToken cancellationToken)
    {
        if (test is null)
        {
            results.Forget(key);
            return ReconcileResult.Done;
        }

        if (test.Metadata.DeletionTimestamp is not null)
        {
            return ReconcileResult.Done;
        }

        var now = WholeSeconds(time.GetUtcNow().UtcDateTime);
        var generation = test.Metadata.Generation ?? 0;
        var errors = ResourceValidator.Validate(test);
        if (errors.Count > 0)
        {
            Log.Invalid(logger, key, errors.Count, errors[0].ToString());
            RecordVerdict(await client.ChangeStatusAsync(test, t => Invalid(t, errors, generation, now), cancellationToken));
            return ReconcileResult.Done;
        }

        var status = test.Status;
        var statusRun = status?.LastRun is { } lastRun && status.ObservedGeneration == generation ? TestRun.IdOf(generation, lastRun) : null;
        var run = results.Current(key);

        // The cache may not show the run this instance started a moment ago yet: wait for it rather than start another.
        if (run is not null && run.Uid == test.Metadata.Uid && run.Generation == generation && string.CompareOrdinal(run.Id, statusRun ?? "") > 0)
        {
            return ReconcileResult.RequeueAfter(CacheCatchUp);
        }

        var inFlight = status?.Results.Any(r => r.Verdict == ProbeVerdict.Pending) == true;
        var ours = run is not null && run.Id == statusRun && run.Uid == test.Metadata.Uid;
        var due = statusRun is null || (inFlight && !ours) || (!inFlight && status!.NextRun is { } next && now >= next);
        return due
            ? await StartAsync(key, test, generation, now, cancellationToken)
            : await ProgressAsync(test, ours ? run : null, now, cancellationToken);
    }

    private async Task<ReconcileResult> StartAsync(ObjectKey key, V1Alpha1NetworkConnectivityTest test, long generation, DateTime now, CancellationToken cancellationToken)
    {
        var plan = RunPlan.Create(test, TestResolver.Resolve(test, cluster), TestRun.IdOf(generation, now), now);
        results.Begin(key, new ProbeRun(test.Metadata.Uid ?? "", generation, plan.Id, plan.Probes));
        var nextRun = test.Spec.Schedule is { } schedule ? now + GoDuration.Parse(schedule.Every) : (DateTime?)null;
        var change = await client.ChangeStatusAsync(test, t => Started(t, plan, generation, now, nextRun), cancellationToken);
        if (change is null)
        {
            results.Forget(key);
            return ReconcileResult.Done;
        }

        foreach (var task in plan.Tasks)
        {
            await dispatcher.DispatchAsync(task, cancellationToken);
        }

        Log.RunStarted(logger, key, plan.Id, plan.Probes.Count, plan.Tasks.Count, plan.Rows.Count - plan.Probes.Count);
        foreach (var started in TestEvents.Started(plan))
        {
            Record(change.After, started);
        }

        RecordVerdict(change);
        return plan.Probes.Count > 0 ? ReconcileResult.RequeueAfter(TestRun.Budget(test.Spec)) : Next(nextRun, now);
    }

    private async Task<ReconcileResult> ProgressAsync(V1Alpha1NetworkConnectivityTest test, ProbeRun? run, DateTime now, CancellationToken cancellationToken)
    {
        var deadline = test.Status!.LastRun!.Value + TestRun.Budget(test.Spec);
        var change = await client.ChangeStatusAsync(test, t => Progressed(t, run, now, deadline), cancellationToken);
        if (change?.After.Status is not { } status)
        {
            return ReconcileResult.Done;
        }

        if (TestEvents.TimedOut(change.Before.Status, status, TestRun.Budget(test.Spec)) is { } timedOut)
        {
            Record(change.After, timedOut);
        }

        RecordVerdict(change);

        return status.Results.Any(r => r.Verdict == ProbeVerdict.Pending)
            ? ReconcileResult.RequeueAfter(deadline > now ? deadline - now : CacheCatchUp)
            : Next(status.NextRun, now);
    }

    // Against the state the write was applied to, not the cached object: results arriving together reconcile the test
    // again before the cache shows the verdict the first reconcile wrote, and that verdict is not a new transition.
    private void RecordVerdict(StatusChange<V1Alpha1NetworkConnectivityTest>? change)
    {
        if (change?.After.Status is { } status && TestEvents.Verdict(change.Before.Status, status) is { } verdict)
        {
            Record(change.After, verdict);
        }
    }

    private void Record(V1Alpha1NetworkConnectivityTest test, TestEvents.TestEvent recorded) =>
        events.Record(test, recorded.Type, recorded.Reason, recorded.Message);

    private static void Invalid(V1Alpha1NetworkConnectivityTest test, IReadOnlyList<FieldError> errors, long generation, DateTime now)
    {
        var status = test.Status ??= new NetworkConnectivityTestStatus();
        status.ObservedGeneration = generation;
        status.Results = [];
        status.Summary = new ConnectivitySummary();
        status.NextRun = null;
        TestConditions.Set(status.Conditions, NetworkConnectivityTestConditions.Failed, "InvalidSpec", string.Join("; ", errors), generation, now);
    }

    private static void Started(V1Alpha1NetworkConnectivityTest test, RunPlan plan, long generation, DateTime now, DateTime? nextRun)
    {
        var status = test.Status ??= new NetworkConnectivityTestStatus();
        status.ObservedGeneration = generation;
        status.LastRun = now;
        status.NextRun = nextRun;
        status.Source = Describe(test.Spec.Source, test.Metadata.NamespaceProperty);
        status.Results = [.. plan.Rows];
        Judge(test, status, generation, now);
    }

    private static void Progressed(V1Alpha1NetworkConnectivityTest test, ProbeRun? run, DateTime now, DateTime deadline)
    {
        var status = test.Status!;
        foreach (var (key, result) in run?.Results ?? [])
        {
            if (run!.Rows.TryGetValue(key, out var row) && row < status.Results.Count && status.Results[row].Verdict == ProbeVerdict.Pending)
            {
                RunOutcome.Fill(status.Results[row], result, test.Spec.Expect);
            }
        }

        if (now >= deadline)
        {
            foreach (var row in status.Results.Where(r => r.Verdict == ProbeVerdict.Pending))
            {
                RunOutcome.TimedOut(row, TestRun.Budget(test.Spec), test.Spec.Expect);
            }
        }

        Judge(test, status, test.Metadata.Generation ?? 0, now);
    }

    private static void Judge(V1Alpha1NetworkConnectivityTest test, NetworkConnectivityTestStatus status, long generation, DateTime now)
    {
        foreach (var row in status.Results)
        {
            row.Expected = RunOutcome.Meets(row.Verdict, test.Spec.Expect);
        }

        status.Summary = RunOutcome.Summarize([.. status.Results]);
        var pending = status.Results.Count(r => r.Verdict == ProbeVerdict.Pending);
        if (pending > 0)
        {
            TestConditions.Set(status.Conditions, null, "Running", $"{status.Results.Count - pending} of {status.Results.Count} probes finished", generation, now);
            return;
        }

        var (holding, reason, message) = RunOutcome.Judge([.. status.Results], test.Spec.Expect);
        TestConditions.Set(status.Conditions, holding, reason, message, generation, now);
    }

    // A source without a namespace is in the test's own.
    private static string Describe(ConnectivitySource? source, string testNamespace) => source switch
    {
        null => "host",
        { Node: { } node } => $"node/{node}",
        { Name: { } name } => $"{source.Namespace ?? testNamespace}/{name}",
        _ => $"{source.Namespace ?? testNamespace}/<selector>",
    };

    // A schedule whose time has come already (the run took longer than its period) runs again at once.
    private static ReconcileResult Next(DateTime? nextRun, DateTime now) =>
        nextRun is { } next ? ReconcileResult.RequeueAfter(next > now ? next - now : TimeSpan.FromMilliseconds(100)) : ReconcileResult.Done;

    private static DateTime WholeSeconds(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "NetworkConnectivityTest {Test} is invalid ({Count} problems; first: {First})")]
        public static partial void Invalid(ILogger logger, ObjectKey test, int count, string first);

        [LoggerMessage(2, LogLevel.Information, "NetworkConnectivityTest {Test}: run {Run} started, {Probes} probes in {Tasks} tasks, {Unresolved} unresolved")]
        public static partial void RunStarted(ILogger logger, ObjectKey test, string run, int probes, int tasks, int unresolved);
    }
}
