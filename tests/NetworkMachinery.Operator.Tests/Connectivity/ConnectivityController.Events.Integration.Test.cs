using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Operator.Connectivity.Probing;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Events;
using NetworkMachinery.Operator.Runtime.Resources;
using NetworkMachinery.Operator.Tests.Support;
using NetworkMachinery.Testing.Polling;
using Verdict = NetworkMachinery.Contracts.ProbeResult.Types.Verdict;

namespace NetworkMachinery.Operator.Tests.Connectivity;

/// <summary>The Kubernetes Events the controller records on a test: one per transition, repeats aggregated.</summary>
public sealed partial class ConnectivityControllerIntegrationTests
{
    [Fact]
    public async Task Events_SucceededRunTwice_OneEventPerTransition_TheRepeatCounted()
    {
        await ClusterCrds.InstallAsync(fixture.Server);
        await using var ns = await TestNamespace.CreateAsync(_client);
        var dispatcher = new RecordingDispatcher(ns.Name);
        using var host = await StartOperatorAsync(dispatcher);
        var store = host.Services.GetRequiredService<ProbeResultStore>();
        var tests = new ResourceClient<V1Alpha1NetworkConnectivityTest>(_client);
        var key = new ObjectKey(ns.Name, "pair");
        var created = await tests.CreateAsync(Test(ns.Name, "pair", """
            layer: "3"
            count: 3
            destinations:
              - {kind: ip, ip: 192.0.2.10}
              - {kind: ip, ip: 192.0.2.11}
            """), default);

        await AnswerAsync(dispatcher, store, run: 1, Verdict.Reachable);
        await UntilAsync(tests, key, t => t?.Status?.Conditions.Any(c => c is { Type: NetworkConnectivityTestConditions.Succeeded, Status: "True", ObservedGeneration: 1 }) == true);

        // A new generation whose run has the same shape and outcome: the same transitions, so the same two Events again.
        await tests.PatchAsync(key, new V1Patch("""{"spec":{"count":2}}""", V1Patch.PatchType.MergePatch), default);
        await AnswerAsync(dispatcher, store, run: 2, Verdict.Reachable);

        var events = await ObjectEvents.UntilAsync(_client, ns.Name, created.Metadata.Uid, all => all.Count(e => e.Count == 2) == 2, Timeout);
        Assert.Equal(2, events.Count);
        var dispatched = Assert.Single(events, e => e.Reason == "ProbesDispatched");
        Assert.Equal((EventTypes.Normal, "2 probes from 1 source to 2 destinations"), (dispatched.Type, dispatched.Message));
        var succeeded = Assert.Single(events, e => e.Reason == "Succeeded");
        Assert.Equal((EventTypes.Normal, "all 2 targets reachable"), (succeeded.Type, succeeded.Message));
        Assert.True(succeeded.LastTimestamp >= succeeded.FirstTimestamp);
        Assert.All(events, e =>
        {
            var involved = e.InvolvedObject;
            Assert.Equal(
                (NetworkMachineryApi.ApiVersion, V1Alpha1NetworkConnectivityTest.KubeKind, ns.Name, "pair", created.Metadata.Uid),
                (involved.ApiVersion, involved.Kind, involved.NamespaceProperty, involved.Name, involved.Uid));
            Assert.False(string.IsNullOrEmpty(involved.ResourceVersion));
            Assert.Equal(("netm-operator", "netm-operator"), (e.Source.Component, e.ReportingComponent));
        });
    }

    [Fact]
    public async Task Events_UnresolvableDestinationAndNoAnswer_WarnResolutionFailedAndFailed_NamingThePairs()
    {
        await ClusterCrds.InstallAsync(fixture.Server);
        await using var ns = await TestNamespace.CreateAsync(_client);
        var dispatcher = new RecordingDispatcher(ns.Name);
        using var host = await StartOperatorAsync(dispatcher);
        var tests = new ResourceClient<V1Alpha1NetworkConnectivityTest>(_client);
        var created = await tests.CreateAsync(Test(ns.Name, "dark", """
            layer: "3"
            destinations:
              - {kind: ip, ip: 192.0.2.10}
              - {kind: pod, name: missing}
            """), default);

        await AnswerAsync(dispatcher, host.Services.GetRequiredService<ProbeResultStore>(), run: 1, Verdict.Timeout);

        var events = await ObjectEvents.UntilAsync(_client, ns.Name, created.Metadata.Uid, all => all.Any(e => e.Reason == "Failed"), Timeout);
        var unresolved = Assert.Single(events, e => e.Reason == "ResolutionFailed");
        Assert.Equal((EventTypes.Warning, $"1 of 2 probes could not be resolved: pod {ns.Name}/missing not found"), (unresolved.Type, unresolved.Message));
        Assert.Equal("1 probe from 1 source to 1 destination", Assert.Single(events, e => e.Reason == "ProbesDispatched").Message);
        var failed = Assert.Single(events, e => e.Reason == "Failed");
        Assert.Equal(EventTypes.Warning, failed.Type);
        Assert.StartsWith("no target reachable: host -> ip/192.0.2.10 192.0.2.10: ", failed.Message, StringComparison.Ordinal);
        Assert.Contains($"host -> pod/{ns.Name}/missing", failed.Message, StringComparison.Ordinal);
    }

    /// <summary>Waits for the <paramref name="run"/>th task the controller dispatched and answers every probe of it.</summary>
    private static async Task AnswerAsync(RecordingDispatcher dispatcher, ProbeResultStore store, int run, Verdict verdict)
    {
        Assert.True(await Poll.UntilAsync(() => dispatcher.Tasks.Count >= run, Timeout), $"task {run} was not dispatched");
        var task = dispatcher.Tasks.ElementAt(run - 1);
        Assert.All(task.Targets, target => Assert.True(store.Add(Result(task, target, verdict))));
    }
}
