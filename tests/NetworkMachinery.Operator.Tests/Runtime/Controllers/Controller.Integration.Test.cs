using System.Diagnostics;
using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Metrics;
using NetworkMachinery.Operator.Runtime.Queue;
using NetworkMachinery.Operator.Runtime.Resources;
using NetworkMachinery.Operator.Tests.ApiServer;
using NetworkMachinery.Operator.Tests.Runtime.Support;
using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Polling;
using Prometheus;
using Xunit.Abstractions;

namespace NetworkMachinery.Operator.Tests.Runtime.Controllers;

/// <summary>Controllers, finalizers and status writes against a real kube-apiserver.</summary>
[Collection(ApiServerTests.Collection)]
public sealed class ControllerIntegrationTests(KubeApiServerFixture fixture, ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly k8s.Kubernetes _client = fixture.Server.CreateClient();
    private readonly CollectorRegistry _registry = Prometheus.Metrics.NewCustomRegistry();

    [Fact]
    public async Task Controller_ReconcilesToStatus_IgnoresItsOwnStatusAndFinalizerWrites_AndFinalizesOnDelete()
    {
        await WidgetDefinition.InstallAsync(_client);
        await using var ns = await TestNamespace.CreateAsync(_client);
        var widgets = new ResourceClient<Widget>(_client);
        var reconciler = new WidgetReconciler(widgets);
        var key = new ObjectKey(ns.Name, "w");
        using var stop = new CancellationTokenSource();
        var running = Run(NewController(ns.Name, reconciler, "widgets"), stop.Token);

        await widgets.CreateAsync(Widget.Create(ns.Name, "w", "red"), default);
        var first = await UntilAsync(() => widgets.GetAsync(key, default), w => w?.Status?.ObservedGeneration == 1);
        Assert.Equal("color red", first!.Status!.Message);
        Assert.Equal([WidgetReconciler.Finalizer], first.Metadata.Finalizers);

        // The finalizer patch and the status write leave the generation alone: no reconcile for them.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal([new WidgetCall(key, 1, false)], reconciler.Calls);

        await widgets.PatchAsync(key, new V1Patch("""{"spec":{"color":"blue"}}""", V1Patch.PatchType.MergePatch), default);
        var second = await UntilAsync(() => widgets.GetAsync(key, default), w => w?.Status?.ObservedGeneration == 2);
        Assert.Equal("color blue", second!.Status!.Message);

        await widgets.DeleteAsync(key, default);
        await UntilAsync(() => widgets.GetAsync(key, default), w => w is null);
        await UntilAsync(() => Task.FromResult(reconciler.Calls.LastOrDefault()), call => call?.Generation is null);

        var calls = reconciler.Calls.ToList();
        Assert.Contains(calls, call => call.Deleting);
        Assert.Null(calls[^1].Generation);
        Assert.Equal(calls.Count, Reconciles("widgets", "success"));
        Assert.Equal(0, Reconciles("widgets", "error"));
        await stop.CancelAsync();
        await running.WaitAsync(Timeout);
    }

    [Fact]
    public async Task Controller_FailedReconciles_AreRetriedWithGrowingBackoff_AndRequeueAfterComesBackUnasked()
    {
        await using var ns = await TestNamespace.CreateAsync(_client);
        var reconciler = new ScriptedReconciler(
            () => throw new InvalidOperationException("first failure"),
            () => throw new InvalidOperationException("second failure"),
            () => throw new InvalidOperationException("third failure"),
            () => ReconcileResult.RequeueAfter(TimeSpan.FromMilliseconds(500)));
        using var stop = new CancellationTokenSource();
        var options = new ControllerOptions
        {
            Name = "scripted",
            RateLimiter = new RateLimiterOptions { BaseDelay = TimeSpan.FromMilliseconds(200) },
        };
        var running = Run(NewController(ns.Name, reconciler, options), stop.Token);

        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" } }, ns.Name);
        Assert.True(await Poll.UntilAsync(() => reconciler.Calls.Count >= 5, Timeout));
        await stop.CancelAsync();
        await running.WaitAsync(Timeout);

        // Three failures back off 200, 400, 800 ms; the requeue comes 500 ms after the fourth call.
        var at = reconciler.Calls.Select(call => call.Timestamp).ToArray();
        var gaps = at.Zip(at.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds).ToArray();
        Assert.InRange(gaps[0], 200, 1_000);
        Assert.InRange(gaps[1], 400, 1_200);
        Assert.InRange(gaps[2], 800, 1_600);
        Assert.InRange(gaps[3], 500, 1_300);
        Assert.Equal((3, 3, 1), (Reconciles("scripted", "error"), Errors("scripted"), Reconciles("scripted", "requeue_after")));
    }

    [Fact]
    public async Task UpdateStatus_FromAStaleObject_ReappliesTheChangeToAFreshRead_AndLeavesTheStaleCopyAlone()
    {
        await WidgetDefinition.InstallAsync(_client);
        await using var ns = await TestNamespace.CreateAsync(_client);
        var widgets = new ResourceClient<Widget>(_client);
        var stale = await widgets.CreateAsync(Widget.Create(ns.Name, "w", "red"), default);
        await widgets.PatchAsync(ObjectKey.Of(stale), new V1Patch("""{"spec":{"color":"green"}}""", V1Patch.PatchType.MergePatch), default);
        var applied = new List<string?>();

        var written = await widgets.UpdateStatusAsync(
            stale,
            widget =>
            {
                applied.Add(widget.Spec.Color);
                widget.Status = new WidgetStatus { ObservedGeneration = widget.Metadata.Generation, Message = $"saw {widget.Spec.Color}" };
            },
            default);

        Assert.Equal(["red", "green"], applied);
        Assert.Equal(("saw green", 2L), (written!.Status?.Message, written.Status?.ObservedGeneration));
        Assert.Null(stale.Status);
        var read = await widgets.GetAsync(ObjectKey.Of(stale), default);
        Assert.Equal("saw green", read!.Status?.Message);

        // The same status again changes nothing, so nothing is written.
        var again = await widgets.UpdateStatusAsync(read, widget => widget.Status = new WidgetStatus { ObservedGeneration = 2, Message = "saw green" }, default);
        Assert.Equal(read.Metadata.ResourceVersion, again!.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Finalizers_FromAStaleObject_KeepWhatAnotherWriterAdded()
    {
        await WidgetDefinition.InstallAsync(_client);
        await using var ns = await TestNamespace.CreateAsync(_client);
        var widgets = new ResourceClient<Widget>(_client);
        var stale = await widgets.CreateAsync(Widget.Create(ns.Name, "w", "red"), default);

        await widgets.AddFinalizerAsync(stale, "others.example/keep", default);
        var added = await widgets.AddFinalizerAsync(stale, "ours.example/mine", default);
        Assert.Equal(["others.example/keep", "ours.example/mine"], added!.Metadata.Finalizers);

        var removed = await widgets.RemoveFinalizerAsync(added, "others.example/keep", default);
        Assert.Equal(["ours.example/mine"], removed!.Metadata.Finalizers);
        var unchanged = await widgets.RemoveFinalizerAsync(removed, "absent.example/none", default);
        Assert.Equal(removed.Metadata.ResourceVersion, unchanged!.Metadata.ResourceVersion);

        // Deleting waits for the last finalizer; removing it lets the object go.
        await widgets.DeleteAsync(ObjectKey.Of(stale), default);
        var deleting = await widgets.GetAsync(ObjectKey.Of(stale), default);
        Assert.NotNull(deleting!.Metadata.DeletionTimestamp);
        await widgets.RemoveFinalizerAsync(deleting, "ours.example/mine", default);
        Assert.Null(await UntilAsync(() => widgets.GetAsync(ObjectKey.Of(stale), default), w => w is null));
    }

    public void Dispose() => _client.Dispose();

    private static async Task<T?> UntilAsync<T>(Func<Task<T?>> read, Func<T?, bool> done)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Not reached within {Timeout.TotalSeconds} s; last: {value}");
            await Task.Delay(50);
        }
    }

    private static Task Run((IRunnableInformer Informer, IController Controller) pair, CancellationToken cancellationToken) =>
        Task.WhenAll(pair.Informer.RunAsync(cancellationToken), pair.Controller.RunAsync(cancellationToken));

    private double Reconciles(string controller, string result) => new ControllerMetrics(_registry).Reconciles.WithLabels(controller, result).Value;

    private double Errors(string controller) => new ControllerMetrics(_registry).Errors.WithLabels(controller).Value;

    private (IRunnableInformer, IController) NewController(string @namespace, IReconciler<Widget> reconciler, string name) =>
        NewController(@namespace, reconciler, new ControllerOptions { Name = name });

    private (IRunnableInformer, IController) NewController<T>(string @namespace, IReconciler<T> reconciler, ControllerOptions options)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var logs = new TestOutputLoggerProvider(output);
        var informer = new Informer<T>(
            new ResourceClient<T>(_client), @namespace, new InformerOptions(), new InformerMetrics(_registry), TimeProvider.System, logs.CreateLogger("Informer"));
        var controller = new Controller<T>(
            options, informer, reconciler, [], new ControllerMetrics(_registry), new WorkQueueMetrics(_registry), TimeProvider.System, logs.CreateLogger("Controller"));
        return (informer, controller);
    }
}
