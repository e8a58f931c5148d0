using System.Diagnostics;
using System.Net;
using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Runtime.Leadership;
using NetworkMachinery.Operator.Tests.ApiServer;
using NetworkMachinery.Operator.Tests.Runtime.Support;
using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Naming;
using NetworkMachinery.Testing.Polling;
using Xunit.Abstractions;

namespace NetworkMachinery.Operator.Tests.Runtime.Hosting;

/// <summary>
/// Two operator instances (full hosts with Kestrel, the runtime and a controller) electing a leader on a real Lease,
/// with short timings: lease 4 s, renew deadline 3 s, retry 0.5 s.
/// </summary>
[Collection(ApiServerTests.Collection)]
public sealed class LeaderElectionIntegrationTests(KubeApiServerFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TwoInstances_ExactlyOneLeadsAndReconciles_BothAreReady_AndAGracefulStopHandsOverAtOnce()
    {
        using var client = fixture.Server.CreateClient();
        await using var ns = await TestNamespace.CreateAsync(client);
        var log = new ReconcileLog();
        await using var first = await StartAsync(ns.Name, "first", log, releaseOnShutdown: true);
        await using var second = await StartAsync(ns.Name, "second", log, releaseOnShutdown: true);
        var hosts = new[] { first, second };

        var leader = await OneLeaderAsync(hosts);
        var standby = hosts.Single(host => host != leader);
        foreach (var host in hosts)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/healthz")).StatusCode);
            Assert.True(await Poll.UntilAsync(() => host.Http.GetAsync("/readyz").Result.StatusCode == HttpStatusCode.OK, Timeout), await host.Http.GetStringAsync("/readyz"));
        }

        Assert.Contains($"standing by (leader: {leader.Elector.Identity})", await standby.Http.GetStringAsync("/readyz"));
        Assert.Contains($"netm_operator_leader{{lease=\"{ns.Name}/runtime-test-leader\"}} 1", await leader.Http.GetStringAsync("/metrics"));
        Assert.Contains($"netm_operator_leader{{lease=\"{ns.Name}/runtime-test-leader\"}} 0", await standby.Http.GetStringAsync("/metrics"));

        await CreateConfigMapAsync(client, ns.Name, "before");
        await ReconciledAsync(log, "before", leader);

        var stopped = Stopwatch.GetTimestamp();
        await leader.StopAsync();
        Assert.True(await Poll.UntilAsync(() => standby.Elector.IsLeader, Timeout));
        var handover = Stopwatch.GetElapsedTime(stopped);
        output.WriteLine($"Hand-over after a graceful stop: {handover.TotalMilliseconds:0} ms");

        // Released, the lease is free at once: no wait for it to expire.
        Assert.True(handover < LeaseDuration, $"Hand-over took {handover}, as long as an expiry.");
        await CreateConfigMapAsync(client, ns.Name, "after");
        await ReconciledAsync(log, "after", standby);
    }

    [Fact]
    public async Task LeaderThatDiesWithoutReleasing_IsReplacedOnceItsLeaseHasExpired()
    {
        using var client = fixture.Server.CreateClient();
        await using var ns = await TestNamespace.CreateAsync(client);
        var log = new ReconcileLog();
        await using var first = await StartAsync(ns.Name, "first", log, releaseOnShutdown: false);
        await using var second = await StartAsync(ns.Name, "second", log, releaseOnShutdown: false);
        var leader = await OneLeaderAsync([first, second]);
        var standby = leader == first ? second : first;

        // Without a release the lease stays the dead leader's: the standby waits it out.
        var died = Stopwatch.GetTimestamp();
        await leader.StopAsync();
        Assert.True(await Poll.UntilAsync(() => standby.Elector.IsLeader, Timeout));
        var takeover = Stopwatch.GetElapsedTime(died);
        output.WriteLine($"Take-over after the leader died: {takeover.TotalMilliseconds:0} ms");

        // Its last renewal was at most a retry period before it died; the standby may try a jittered retry period late.
        Assert.InRange(takeover, LeaseDuration - RetryPeriod - TimeSpan.FromMilliseconds(200), LeaseDuration + (RetryPeriod * 2.2 * 2) + TimeSpan.FromSeconds(1));
        await CreateConfigMapAsync(client, ns.Name, "after");
        await ReconciledAsync(log, "after", standby);
    }

    private Task<OperatorHost> StartAsync(string @namespace, string name, ReconcileLog log, bool releaseOnShutdown) =>
        OperatorHost.StartAsync(
            fixture.Server.CreateClient(),
            @namespace,
            new LeaderElectionOptions
            {
                LeaseName = "runtime-test-leader",
                LeaseNamespace = @namespace,
                Identity = $"{name}-{UniqueId.Next(4)}",
                LeaseDuration = LeaseDuration,
                RenewDeadline = TimeSpan.FromSeconds(3),
                RetryPeriod = RetryPeriod,
                ReleaseOnShutdown = releaseOnShutdown,
            },
            log,
            output);

    /// <summary>Waits for a leader, then watches for two seconds that there is never more than that one.</summary>
    private static async Task<OperatorHost> OneLeaderAsync(IReadOnlyList<OperatorHost> hosts)
    {
        Assert.True(await Poll.UntilAsync(() => hosts.Any(host => host.Elector.IsLeader), Timeout), "No instance became the leader.");
        var watched = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(watched) < TimeSpan.FromSeconds(2))
        {
            Assert.Equal(1, hosts.Count(host => host.Elector.IsLeader));
            await Task.Delay(50);
        }

        var leader = hosts.Single(host => host.Elector.IsLeader);
        Assert.All(hosts, host => Assert.Equal(leader.Elector.Identity, host.Elector.Leader));
        return leader;
    }

    private static Task CreateConfigMapAsync(k8s.Kubernetes client, string @namespace, string name) =>
        client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name } }, @namespace);

    /// <summary>The object is reconciled by <paramref name="expected"/>, and in the second after by nobody else.</summary>
    private static async Task ReconciledAsync(ReconcileLog log, string name, OperatorHost expected)
    {
        Assert.True(await Poll.UntilAsync(() => log.Entries.Any(entry => entry.Name == name), Timeout), $"{name} was not reconciled.");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.All(log.Entries.Where(entry => entry.Name == name), entry => Assert.Equal(expected.Elector.Identity, entry.Identity));
    }
}
