using System.Diagnostics;
using k8s;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Resources;
using NetworkMachinery.Operator.Tests.ApiServer;
using NetworkMachinery.Operator.Tests.Examples;
using NetworkMachinery.Operator.Tests.Support;
using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Processes;
using Xunit.Abstractions;

namespace NetworkMachinery.Operator.Tests.Connectivity;

/// <summary>
/// Real <c>netm operator --leader-elect</c> processes against the real apiserver, with the default timings (15 s lease,
/// 10 s renew deadline, 2 s retry): exactly one leads and reconciles; killed outright it cannot release the lease, so a
/// standby takes over once the lease expired; stopped with SIGTERM it releases the lease on its way out.
/// </summary>
[Collection(ApiServerTests.Collection)]
public sealed class NetmOperatorFailoverIntegrationTests(KubeApiServerFixture fixture, ITestOutputHelper output)
{
    private const string LeaseName = "netm-operator-leader";
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);

    // A candidate retries every 2 s stretched by up to 2.2 at random; the rest is room for a busy machine.
    private static readonly TimeSpan TakeoverTimeout = LeaseDuration + TimeSpan.FromSeconds(4.4) + TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwoProcesses_OneLeads_KilledLeaderFailsOverAfterTheLease_TerminatedLeaderReleasesIt()
    {
        await ClusterCrds.InstallAsync(fixture.Server);
        using var client = fixture.Server.CreateClient();
        await using var ns = await TestNamespace.CreateAsync(client);
        await using var first = await NetmOperatorProcess.StartAsync(fixture.Server, ns.Name, "--leader-elect", "--lease-namespace", ns.Name, "--no-webhook");
        await using var second = await NetmOperatorProcess.StartAsync(fixture.Server, ns.Name, "--leader-elect", "--lease-namespace", ns.Name, "--no-webhook");

        // Exactly one leads: the Lease names it, it says so on /readyz and /metrics, the other names it as the leader.
        NetmOperatorProcess? leader = null;
        Assert.True(await Poll.UntilAsync(() => (leader = LeaderOf(first, second)) is not null, Timeout), $"{first.Readiness()}\n{second.Readiness()}");
        var standby = leader == first ? second : first;
        Assert.NotEqual(leader!.Identity, standby.Identity);
        Assert.Equal(leader.Identity, await HolderAsync(client, ns.Name));
        Assert.Contains($"standing by (leader: {leader.Identity})", standby.Readiness(), StringComparison.Ordinal);
        Assert.Contains($"netm_operator_leader{{lease=\"{ns.Name}/{LeaseName}\"}} 1", await leader.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains($"netm_operator_leader{{lease=\"{ns.Name}/{LeaseName}\"}} 0", await standby.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative)), StringComparison.Ordinal);
        await ReconciledByAsync(client, ns.Name, "before", leader);

        // SIGKILL: no release. The standby may take over only once it has seen the lease unchanged for its duration.
        var killed = Stopwatch.GetTimestamp();
        await leader.Process.StopAsync(UnixSignal.Kill);
        Assert.True(
            await Poll.UntilAsync(() => HolderAsync(client, ns.Name).Result == standby.Identity, TakeoverTimeout),
            $"the standby did not take over within {TakeoverTimeout}:\n{standby.Process.StandardError}");
        output.WriteLine($"takeover after SIGKILL: {Stopwatch.GetElapsedTime(killed).TotalSeconds:0.0} s (lease duration {LeaseDuration.TotalSeconds} s)");
        Assert.True(await Poll.UntilAsync(() => standby.Readiness().Contains(": leading", StringComparison.Ordinal), Timeout), standby.Readiness());
        await ReconciledByAsync(client, ns.Name, "after-kill", standby);

        // SIGTERM: the leader stops its controllers and hands the lease back before it exits, so a new standby need not wait for it to expire.
        await using var third = await NetmOperatorProcess.StartAsync(fixture.Server, ns.Name, "--leader-elect", "--lease-namespace", ns.Name, "--no-webhook");
        Assert.True(await Poll.UntilAsync(() => third.Readiness().Contains($"standing by (leader: {standby.Identity})", StringComparison.Ordinal), Timeout), third.Readiness());
        var terminated = Stopwatch.GetTimestamp();
        var stopped = await standby.Process.StopAsync(UnixSignal.Terminate, Timeout);
        Assert.Equal(0, stopped.ExitCode);
        Assert.Contains($"{standby.Identity} released lease {ns.Name}/{LeaseName}", stopped.StandardError, StringComparison.Ordinal);
        Assert.NotEqual(standby.Identity, await HolderAsync(client, ns.Name));
        Assert.True(await Poll.UntilAsync(() => HolderAsync(client, ns.Name).Result == third.Identity, Timeout), third.Process.StandardError);
        output.WriteLine($"takeover after SIGTERM: {Stopwatch.GetElapsedTime(terminated).TotalSeconds:0.0} s");
        await ReconciledByAsync(client, ns.Name, "after-term", third);
    }

    private static NetmOperatorProcess? LeaderOf(params NetmOperatorProcess[] processes)
    {
        var leading = processes.Where(p => p.Readiness().Contains(": leading", StringComparison.Ordinal)).ToList();
        return leading.Count == 1 && processes.All(p => p.Identity.Length > 0) ? leading[0] : null;
    }

    private static async Task<string?> HolderAsync(IKubernetes client, string @namespace)
    {
        var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(LeaseName, @namespace);
        return lease.Spec.HolderIdentity;
    }

    /// <summary>Creates a test and waits for its status and for the Event that says which instance dispatched its probes.</summary>
    private static async Task ReconciledByAsync(IKubernetes client, string @namespace, string name, NetmOperatorProcess expected)
    {
        var tests = new ResourceClient<V1Alpha1NetworkConnectivityTest>(client);
        var created = await tests.CreateAsync(ResourceYaml.ConnectivityTest("""
            layer: "3"
            destinations: [{kind: ip, ip: 192.0.2.1}]
            """, name, @namespace), default);
        Assert.True(await Poll.UntilAsync(() => tests.GetAsync(new ObjectKey(@namespace, name), default).Result?.Status?.Results.Count == 1, Timeout), $"{name} got no status");
        var events = await ObjectEvents.UntilAsync(client, @namespace, created.Metadata.Uid, all => all.Any(e => e.Reason == "ProbesDispatched"), Timeout);
        Assert.Equal(expected.Identity, Assert.Single(events, e => e.Reason == "ProbesDispatched").ReportingInstance);
    }
}
