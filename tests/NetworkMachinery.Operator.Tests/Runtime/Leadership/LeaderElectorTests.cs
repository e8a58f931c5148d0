using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Operator.Runtime.Leadership;
using NetworkMachinery.Operator.Runtime.Metrics;
using NetworkMachinery.Operator.Tests.Runtime.Support;

namespace NetworkMachinery.Operator.Tests.Runtime.Leadership;

public sealed class LeaderElectorTests
{
    private const string Namespace = "operators";
    private const string LeaseName = "netm-leader";
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RenewDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(2);
    private readonly ManualTimeProvider _time = new();
    private readonly InMemoryLeaseStore _store = new();
    private readonly LeaderElectionMetrics _metrics = new(Prometheus.Metrics.NewCustomRegistry());

    [Fact]
    public async Task TryAcquire_NoLease_CreatesItHeldByThisInstance()
    {
        var a = Elector("a");

        Assert.True(await a.TryAcquireOrRenewAsync(default));

        var spec = Lease().Spec;
        Assert.Equal(("a", 15, 0), (spec.HolderIdentity, spec.LeaseDurationSeconds, spec.LeaseTransitions));
        Assert.Equal(_time.GetUtcNow().UtcDateTime, spec.AcquireTime);
        Assert.Equal(spec.AcquireTime, spec.RenewTime);
    }

    [Fact]
    public async Task TryAcquire_LeaseHeldAndFresh_IsRefused_AndNamesTheLeader()
    {
        var a = Elector("a");
        var b = Elector("b");
        await a.TryAcquireOrRenewAsync(default);

        Assert.False(await b.TryAcquireOrRenewAsync(default));
        Assert.Equal("a", b.Leader);
        Assert.Equal("a", Lease().Spec.HolderIdentity);
    }

    [Fact]
    public async Task TryAcquire_LeaseUnchangedForItsDuration_IsTakenOver_AsANewTerm()
    {
        var a = Elector("a");
        var b = Elector("b");
        await a.TryAcquireOrRenewAsync(default);
        await b.TryAcquireOrRenewAsync(default);

        _time.Advance(LeaseDuration - TimeSpan.FromMilliseconds(1));
        Assert.False(await b.TryAcquireOrRenewAsync(default));
        _time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.True(await b.TryAcquireOrRenewAsync(default));

        var spec = Lease().Spec;
        Assert.Equal(("b", 1), (spec.HolderIdentity, spec.LeaseTransitions));
        Assert.Equal(_time.GetUtcNow().UtcDateTime, spec.AcquireTime);
    }

    [Fact]
    public async Task TryAcquire_EachRenewal_RestartsTheCandidatesWait()
    {
        var a = Elector("a");
        var b = Elector("b");
        await a.TryAcquireOrRenewAsync(default);
        await b.TryAcquireOrRenewAsync(default);

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await a.TryAcquireOrRenewAsync(default));
        Assert.False(await b.TryAcquireOrRenewAsync(default));
        _time.Advance(TimeSpan.FromSeconds(10));

        // 20 s since b first looked, but only 10 s since it saw the lease change.
        Assert.False(await b.TryAcquireOrRenewAsync(default));
        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.True(await b.TryAcquireOrRenewAsync(default));
    }

    [Fact]
    public async Task TryAcquire_Renewal_KeepsTheAcquireTimeAndTheTransitions()
    {
        _store.Put(HeldLease("ghost", renewedAgo: TimeSpan.FromHours(1), transitions: 4));
        var a = Elector("a");
        await a.TryAcquireOrRenewAsync(default);
        _time.Advance(LeaseDuration);
        Assert.True(await a.TryAcquireOrRenewAsync(default));
        var acquired = Lease().Spec.AcquireTime;

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await a.TryAcquireOrRenewAsync(default));

        var spec = Lease().Spec;
        Assert.Equal(("a", 5), (spec.HolderIdentity, spec.LeaseTransitions));
        Assert.Equal(acquired, spec.AcquireTime);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, spec.RenewTime);
    }

    [Fact]
    public async Task TryAcquire_StaleRenewTimeInTheRecord_StillWaitsAFullDurationOnItsOwnClock()
    {
        // Another node's clock (or a long-dead holder) wrote a renew time an hour back: not trusted; the wait counts
        // from when this instance first saw the record.
        _store.Put(HeldLease("ghost", renewedAgo: TimeSpan.FromHours(1), transitions: 0));
        var b = Elector("b");

        Assert.False(await b.TryAcquireOrRenewAsync(default));
        _time.Advance(LeaseDuration - TimeSpan.FromMilliseconds(1));
        Assert.False(await b.TryAcquireOrRenewAsync(default));
        _time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.True(await b.TryAcquireOrRenewAsync(default));
    }

    [Fact]
    public async Task TryAcquire_ApiServerUnreachable_ReturnsFalse_AndHealthFadesAfterTheLeaseDuration()
    {
        var a = Elector("a");
        using var stop = new CancellationTokenSource();
        var run = a.RunAsync(token => Task.Delay(Timeout.Infinite, token), stop.Token);
        await Until(() => a.IsLeader);
        Assert.True(a.IsHealthy);

        _store.Unreachable = true;
        Assert.False(await a.TryAcquireOrRenewAsync(default));
        _time.Advance(LeaseDuration);
        Assert.True(a.IsHealthy);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(a.IsHealthy);
        Assert.False(run.IsFaulted);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Run_RenewalsFailing_StopsLeadingAfterTheRenewDeadline_BeforeTheLeaseCouldExpire()
    {
        var a = Elector("a");
        var leading = new TaskCompletionSource<CancellationToken>();
        using var stop = new CancellationTokenSource();
        var run = a.RunAsync(token => { leading.TrySetResult(token); return Task.Delay(Timeout.Infinite, token); }, stop.Token);
        var work = await leading.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Renewals(count: 3);

        _store.Unreachable = true;
        var failingSince = _time.GetUtcNow();
        while (!work.IsCancellationRequested)
        {
            Assert.True(_time.GetUtcNow() - failingSince < LeaseDuration, "Still leading when the lease could have been taken over.");
            await Step();
        }

        var stoppedAfter = _time.GetUtcNow() - failingSince;
        Assert.InRange(stoppedAfter, RenewDeadline, RenewDeadline + RetryPeriod + RetryPeriod);
        await Until(() => !a.IsLeader);
        Assert.Equal(1, _metrics.Lost.WithLabels($"{Namespace}/{LeaseName}").Value);
        Assert.False(run.IsCompleted);

        // When the API server answers again, the lease (still ours) is renewed and the work starts once more.
        leading = new TaskCompletionSource<CancellationToken>();
        _store.Unreachable = false;
        while (!leading.Task.IsCompleted)
        {
            await Step();
        }

        Assert.True(a.IsLeader);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Run_Cancelled_StopsTheWorkFirst_ThenReleasesTheLease_SoAStandbyTakesOverAtOnce()
    {
        var a = Elector("a");
        var b = Elector("b");
        var workStopped = false;
        using var stop = new CancellationTokenSource();
        var run = a.RunAsync(
            async token =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                finally
                {
                    // The lease must still be ours while the work winds down.
                    Assert.Equal("a", Lease().Spec.HolderIdentity);
                    workStopped = true;
                }
            },
            stop.Token);
        await Until(() => a.IsLeader);
        Assert.False(await b.TryAcquireOrRenewAsync(default));

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(workStopped);
        Assert.Null(Lease().Spec.HolderIdentity);
        Assert.False(a.IsLeader);
        Assert.True(await b.TryAcquireOrRenewAsync(default));
        Assert.Equal(("b", 1), (Lease().Spec.HolderIdentity, Lease().Spec.LeaseTransitions));
    }

    [Fact]
    public async Task Run_StandbyWhileAnotherLeads_NeverStartsTheWork()
    {
        var a = Elector("a");
        var b = Elector("b");
        await a.TryAcquireOrRenewAsync(default);
        var started = false;
        using var stop = new CancellationTokenSource();
        var run = b.RunAsync(_ => { started = true; return Task.CompletedTask; }, stop.Token);

        for (var i = 0; i < 20; i++)
        {
            // a keeps renewing, so b keeps waiting.
            Assert.True(await a.TryAcquireOrRenewAsync(default));
            await Step();
        }

        Assert.False(started);
        Assert.False(b.IsLeader);
        Assert.True(b.IsHealthy);
        Assert.Equal("a", b.Leader);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Options_InconsistentTimings_AreRejected()
    {
        var options = new LeaderElectionOptions { LeaseName = LeaseName, LeaseNamespace = Namespace };

        options.Validate();
        Assert.Throws<ArgumentException>(() => (options with { RenewDeadline = LeaseDuration }).Validate());
        Assert.Throws<ArgumentException>(() => (options with { RetryPeriod = TimeSpan.FromSeconds(9) }).Validate());
        Assert.Throws<ArgumentException>(() => (options with { RetryPeriod = TimeSpan.Zero }).Validate());
    }

    private LeaderElector Elector(string identity) => new(
        new LeaderElectionOptions
        {
            LeaseName = LeaseName,
            LeaseNamespace = Namespace,
            Identity = identity,
            LeaseDuration = LeaseDuration,
            RenewDeadline = RenewDeadline,
            RetryPeriod = RetryPeriod,
        },
        _store,
        _metrics,
        _time,
        NullLogger.Instance);

    private V1Lease Lease() => _store.Peek(Namespace, LeaseName) ?? throw new InvalidOperationException("No lease.");

    private V1Lease HeldLease(string holder, TimeSpan renewedAgo, int transitions)
    {
        var renewed = (_time.GetUtcNow() - renewedAgo).UtcDateTime;
        return new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = LeaseName, NamespaceProperty = Namespace },
            Spec = new V1LeaseSpec
            {
                HolderIdentity = holder,
                LeaseDurationSeconds = 15,
                AcquireTime = renewed,
                RenewTime = renewed,
                LeaseTransitions = transitions,
            },
        };
    }

    private async Task Renewals(int count)
    {
        var renewed = Lease().Spec.RenewTime;
        for (var seen = 0; seen < count;)
        {
            await Step();
            if (Lease().Spec.RenewTime != renewed)
            {
                renewed = Lease().Spec.RenewTime;
                seen++;
            }
        }
    }

    /// <summary>Moves the clock by a tenth of a second once the loops under test wait on it again.</summary>
    private async Task Step()
    {
        await _time.WaitForArmedTimersAsync(1);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        await Task.Delay(1);
    }

    private static async Task Until(Func<bool> condition) =>
        Assert.True(await NetworkMachinery.Testing.Polling.Poll.UntilAsync(condition, TimeSpan.FromSeconds(10)));
}
