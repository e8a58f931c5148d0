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

        var (informer, _) = NewInformer(ns.Name, new InformerOptions { PageSize = 2 });
        var events = new RecordingHandler<V1ConfigMap>();
        using var subscription = informer.AddEventHandler(events);
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(default).WaitAsync(Timeout);

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

        await stop.CancelAsync();
        await run.WaitAsync(Timeout);
    }

    [Fact]
    public async Task Informer_ApiServerRestart_ResumesAndMissesNoUpdate_NeitherOneMadeWhileDisconnectedNorOneAfter()
    {
        var server = fixture.Server;
        await using var ns = await TestNamespace.CreateAsync(_client);
        await CreateAsync(ns.Name, "a", "1");
        var (informer, gate) = NewInformer(ns.Name, new InformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(200), MaxBackoff = TimeSpan.FromSeconds(1) });
        var events = new RecordingHandler<V1ConfigMap>();
        using var subscription = informer.AddEventHandler(events);
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(default).WaitAsync(Timeout);

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
        await stop.CancelAsync();
        await run.WaitAsync(Timeout);
    }

    [Fact]
    public async Task Informer_ResourceVersionExpiredOverARestart_ListsAgain_ReportsTheDifference_AndWatchesOn()
    {
        var server = fixture.Server;
        await using var ns = await TestNamespace.CreateAsync(_client);
        await CreateAsync(ns.Name, "changed", "1");
        await CreateAsync(ns.Name, "deleted", "1");
        var (informer, gate) = NewInformer(ns.Name, new InformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromSeconds(1) });
        var events = new RecordingHandler<V1ConfigMap>();
        using var subscription = informer.AddEventHandler(events);
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(default).WaitAsync(Timeout);
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
        await stop.CancelAsync();
        await run.WaitAsync(Timeout);
    }

    public void Dispose() => _client.Dispose();

    private double Failures() => _metrics.Failures.WithLabels("configmaps").Value;

    private (Informer<V1ConfigMap> Informer, GatedResourceClient<V1ConfigMap> Gate) NewInformer(string @namespace, InformerOptions options)
    {
        var gate = new GatedResourceClient<V1ConfigMap>(new ResourceClient<V1ConfigMap>(_client));
        var logger = new TestOutputLoggerProvider(output).CreateLogger("Informer");
        return (new Informer<V1ConfigMap>(gate, @namespace, options, _metrics, TimeProvider.System, logger), gate);
    }

    private Task<V1ConfigMap> CreateAsync(string @namespace, string name, string value) =>
        _client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, string> { ["v"] = value } },
            @namespace);

    private Task<V1ConfigMap> SetAsync(string @namespace, string name, string value) =>
        _client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch($$$"""{"data":{"v":"{{{value}}}"}}""", V1Patch.PatchType.MergePatch), name, @namespace);
}
