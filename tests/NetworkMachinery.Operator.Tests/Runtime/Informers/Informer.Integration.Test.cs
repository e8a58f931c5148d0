using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Metrics;
using NetworkMachinery.Operator.Runtime.Resources;
using NetworkMachinery.Operator.Tests.ApiServer;
using NetworkMachinery.Operator.Tests.Runtime.Support;
using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Polling;
using Xunit.Abstractions;

namespace NetworkMachinery.Operator.Tests.Runtime.Informers;

/// <summary>The informer against a real kube-apiserver: ConfigMaps in a namespace of each test's own.</summary>
[Collection(ApiServerTests.Collection)]
public sealed class InformerIntegrationTests(KubeApiServerFixture fixture, ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly k8s.Kubernetes _client = fixture.Server.CreateClient();
    private readonly InformerMetrics _metrics = new(Prometheus.Metrics.NewCustomRegistry());

    [Fact]
    public async Task Informer_ListsInPages_ThenSeesCreateUpdateDelete()
    {
        await using var ns = await TestNamespace.CreateAsync(_client);
        for (var i = 0; i < 5; i++)
        {
            await CreateAsync(ns.Name, $"before-{i}", "0");
        }

        await using var run = await StartAsync(ns.Name, new InformerOptions { PageSize = 2 });
        var (informer, events) = (run.Informer, run.Events);

        Assert.Equal(5, informer.Cache.List(ns.Name).Count);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"add before-{i}"), events.Events.Select(e => $"{e.Type} {e.Name}").Order());

        await CreateAsync(ns.Name, "a", "1");
        await events.WaitForAsync(e => e is { Type: "add", Name: "a" });
        Assert.Equal("1", informer.Cache.Get(new ObjectKey(ns.Name, "a"))?.Data["v"]);

        await SetAsync(ns.Name, "a", "2");
        var update = await events.WaitForAsync(e => e is { Type: "update", Name: "a" });
        Assert.Equal(("1", "2"), (update.Previous?.Data["v"], update.Current.Data["v"]));
        Assert.Equal("2", informer.Cache.Get(new ObjectKey(ns.Name, "a"))?.Data["v"]);

        await _client.CoreV1.DeleteNamespacedConfigMapAsync("a", ns.Name);
        await events.WaitForAsync(e => e is { Type: "delete", Name: "a" });
        Assert.Null(informer.Cache.Get(new ObjectKey(ns.Name, "a")));
        Assert.Equal(["add", "update", "delete"], events.Events.Where(e => e.Name == "a").Select(e => e.Type));
    }

    [Fact]
    public async Task Informer_IdleWatchesEndedByTheServer_AreNoFailures_AndItWatchesOn()
    {
        await using var ns = await TestNamespace.CreateAsync(_client);

        // Each watch asks the server to end it after 2 to 4 s; nothing happens in the namespace meanwhile.
        await using var run = await StartAsync(ns.Name, new InformerOptions { WatchTimeout = TimeSpan.FromSeconds(2) });
        await Task.Delay(TimeSpan.FromSeconds(9));

        Assert.Equal(0, Failures());
        await CreateAsync(ns.Name, "late", "1");
        await run.Events.WaitForAsync(e => e is { Type: "add", Name: "late" });
        Assert.Equal(1, _metrics.Lists.WithLabels("configmaps").Value);
    }

    [Fact]
    public async Task Informer_ApiServerRestart_ResumesAndMissesNoUpdate_NeitherOneMadeWhileDisconnectedNorOneAfter()
    {
        var server = fixture.Server;
        await using var ns = await TestNamespace.CreateAsync(_client);
        await CreateAsync(ns.Name, "a", "1");
        await using var run = await StartAsync(ns.Name, new InformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(200), MaxBackoff = TimeSpan.FromSeconds(1) });
        var (informer, gate, events) = (run.Informer, run.Gate, run.Events);
        try
        {
            await server.StopApiServerAsync();

            // The informer meets the stopped server itself (refused connections) and keeps trying.
            Assert.True(await Poll.UntilAsync(() => Failures() >= 2, Timeout), "The informer did not retry against the stopped apiserver.");

            // It is kept from reconnecting until an update has been made behind its back.
            gate.Hold();
            await server.StartApiServerAsync();
            Assert.True(await Poll.UntilAsync(() => gate.Waiting > 0, Timeout));
            await SetAsync(ns.Name, "a", "2");
            Assert.Equal("1", informer.Cache.Get(new ObjectKey(ns.Name, "a"))?.Data["v"]);
            gate.Release();
            await events.WaitForAsync(e => e is { Type: "update", Name: "a" } && e.Current.Data["v"] == "2");

            await SetAsync(ns.Name, "a", "3");
            await events.WaitForAsync(e => e is { Type: "update", Name: "a" } && e.Current.Data["v"] == "3");
        }
        finally
        {
            gate.Release();
            if (server.ApiServerProcessId is null)
            {
                await server.StartApiServerAsync();
            }
        }

        // Each state once, in order: nothing missed, nothing repeated.
        Assert.Equal(["1", "2", "3"], events.Events.Where(e => e.Name == "a").Select(e => e.Current.Data["v"]));
    }

    [Fact]
    public async Task Informer_ResourceVersionExpiredOverARestart_ListsAgain_ReportsTheDifference_AndWatchesOn()
    {
        var server = fixture.Server;
        await using var ns = await TestNamespace.CreateAsync(_client);
        await CreateAsync(ns.Name, "changed", "1");
        await CreateAsync(ns.Name, "deleted", "1");
        await using var run = await StartAsync(ns.Name, new InformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromSeconds(1) });
        var (informer, gate, events) = (run.Informer, run.Gate, run.Events);
        var before = events.Events.Count;

        // Disconnected, the informer misses three changes. A restarted apiserver's watch cache starts after them, so
        // the version the informer resumes from is too old for it: the answer is 410 Gone, and only a list helps.
        gate.Hold();
        gate.BreakWatch();
        Assert.True(await Poll.UntilAsync(() => gate.Waiting > 0, Timeout));
        await CreateAsync(ns.Name, "created", "1");
        await SetAsync(ns.Name, "changed", "2");
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("deleted", ns.Name);
        try
        {
            await server.StopApiServerAsync();
            await server.StartApiServerAsync();
        }
        finally
        {
            gate.Release();
            if (server.ApiServerProcessId is null)
            {
                await server.StartApiServerAsync();
            }
        }

        await events.WaitForAsync(e => e is { Type: "delete", Name: "deleted" });
        var caughtUp = events.Events.Skip(before).ToList();
        Assert.Equal(["add created", "delete deleted", "update changed"], caughtUp.Select(e => $"{e.Type} {e.Name}").Order());
        var changed = caughtUp.Single(e => e.Name == "changed");
        Assert.Equal(("1", "2"), (changed.Previous?.Data["v"], changed.Current.Data["v"]));
        Assert.Equal(2, _metrics.Lists.WithLabels("configmaps").Value);
        Assert.Equal(["changed", "created"], informer.Cache.List(ns.Name).Select(c => c.Metadata.Name).Order());

        // The watch after the list carries on from the list's version.
        await SetAsync(ns.Name, "created", "2");
        await events.WaitForAsync(e => e is { Type: "update", Name: "created" });
    }

    public void Dispose() => _client.Dispose();

    private double Failures() => _metrics.Failures.WithLabels("configmaps").Value;

    private Task<InformerRun<V1ConfigMap>> StartAsync(string @namespace, InformerOptions options) =>
        InformerRun<V1ConfigMap>.StartAsync(
            new ResourceClient<V1ConfigMap>(_client), @namespace, options, _metrics, new TestOutputLoggerProvider(output).CreateLogger("Informer"));

    private Task<V1ConfigMap> CreateAsync(string @namespace, string name, string value) =>
        _client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, string> { ["v"] = value } },
            @namespace);

    private Task<V1ConfigMap> SetAsync(string @namespace, string name, string value) =>
        _client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch($$$"""{"data":{"v":"{{{value}}}"}}""", V1Patch.PatchType.MergePatch), name, @namespace);
}
