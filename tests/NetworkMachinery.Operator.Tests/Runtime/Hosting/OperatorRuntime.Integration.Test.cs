using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Hosting;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Resources;
using NetworkMachinery.Operator.Tests.ApiServer;
using NetworkMachinery.Operator.Tests.Runtime.Support;
using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Polling;
using Xunit.Abstractions;

namespace NetworkMachinery.Operator.Tests.Runtime.Hosting;

/// <summary>The runtime as registered through DI in a generic host, without leader election, against a real kube-apiserver.</summary>
[Collection(ApiServerTests.Collection)]
public sealed class OperatorRuntimeIntegrationTests(KubeApiServerFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AddController_Owns_AChangedOwnedObjectReconcilesItsOwner_AndInformersAreSharedWithReconcilers()
    {
        using var client = fixture.Server.CreateClient();
        await WidgetDefinition.InstallAsync(client);
        await using var ns = await TestNamespace.CreateAsync(client);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new TestOutputLoggerProvider(output));
        builder.Services.AddSingleton<IKubernetes>(client);
        builder.Services.AddSingleton(Prometheus.Metrics.NewCustomRegistry());
        builder.Services.AddSingleton<WidgetReconciler>();
        builder.Services.AddOperatorRuntime();
        builder.Services.AddController<Widget, WidgetReconciler>(new ControllerOptions { Name = "widgets", Namespace = ns.Name }).Owns<V1ConfigMap>(ns.Name);
        using var host = builder.Build();
        var reconciler = host.Services.GetRequiredService<WidgetReconciler>();
        await host.StartAsync();

        var widgets = host.Services.GetRequiredService<IResourceClient<Widget>>();
        var widget = await widgets.CreateAsync(Widget.Create(ns.Name, "w", "red"), default);
        Assert.True(await Poll.UntilAsync(() => reconciler.Calls.Count == 1, Timeout));

        // The owned ConfigMap's create and its change each reconcile the owner, whose own generation stays 1.
        await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap
            {
                Metadata = new V1ObjectMeta
                {
                    Name = "owned",
                    OwnerReferences = [new V1OwnerReference { ApiVersion = widget.ApiVersion, Kind = widget.Kind, Name = widget.Metadata.Name, Uid = widget.Metadata.Uid }],
                },
            },
            ns.Name);
        Assert.True(await Poll.UntilAsync(() => reconciler.Calls.Count == 2, Timeout), string.Join(", ", reconciler.Calls));
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"k":"v"}}""", V1Patch.PatchType.MergePatch), "owned", ns.Name);
        Assert.True(await Poll.UntilAsync(() => reconciler.Calls.Count == 3, Timeout));
        Assert.All(reconciler.Calls, call => Assert.Equal(new WidgetCall(new ObjectKey(ns.Name, "w"), 1, false), call));

        // The ConfigMaps informer the watch runs on is the one reconcilers get.
        var configMaps = host.Services.GetRequiredService<IInformer<V1ConfigMap>>();
        Assert.Equal("v", configMaps.Cache.Get(new ObjectKey(ns.Name, "owned"))?.Data["k"]);

        await host.StopAsync();
        await widgets.RemoveFinalizerAsync((await widgets.GetAsync(ObjectKey.Of(widget), default))!, WidgetReconciler.Finalizer, default);
    }
}
