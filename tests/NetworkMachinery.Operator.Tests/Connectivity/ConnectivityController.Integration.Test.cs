using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Connectivity;
using NetworkMachinery.Operator.Connectivity.Probing;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Events;
using NetworkMachinery.Operator.Runtime.Hosting;
using NetworkMachinery.Operator.Runtime.Resources;
using NetworkMachinery.Operator.Tests.ApiServer;
using NetworkMachinery.Operator.Tests.Examples;
using NetworkMachinery.Operator.Tests.Runtime.Support;
using NetworkMachinery.Operator.Tests.Support;
using NetworkMachinery.Testing.Kubernetes;
using Xunit.Abstractions;
using Verdict = NetworkMachinery.Contracts.ProbeResult.Types.Verdict;

namespace NetworkMachinery.Operator.Tests.Connectivity;

/// <summary>
/// The NetworkConnectivityTest controller against the real kube-apiserver: pods, a service with its endpoints and the
/// test are real objects (pod addresses written into their status, as a kubelet would); the probers are stood in
/// for by <see cref="RecordingDispatcher"/>, and the test answers their tasks through the <see cref="ProbeResultStore"/>.
/// </summary>
[Collection(ApiServerTests.Collection)]
public sealed partial class ConnectivityControllerIntegrationTests(KubeApiServerFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly k8s.Kubernetes _client = fixture.Server.CreateClient();

    [Fact]
    public async Task Layer4Test_ResolvesServiceEndpointsAndPods_DispatchesOneTask_WritesResultsAndConditions()
    {
        await ClusterCrds.InstallAsync(fixture.Server);
        await using var ns = await TestNamespace.CreateAsync(_client);
        var client = await CreatePodAsync(ns.Name, "client", "10.244.0.10");
        await CreatePodAsync(ns.Name, "db", "10.244.0.20");
        var service = await CreateServiceAsync(ns.Name, "web", ["10.244.0.31", "10.244.0.32"]);
        var dispatcher = new RecordingDispatcher(ns.Name);
        using var host = await StartOperatorAsync(dispatcher);
        var tests = new ResourceClient<V1Alpha1NetworkConnectivityTest>(_client);

        // The run's budget (over two minutes) is longer than this test waits, so the results below reach the status
        // because they arrived, not because the run ran out of time.
        await tests.CreateAsync(Test(ns.Name, "l4", """
            layer: "4"
            timeout: 2m
            source: {name: client}
            destinations:
              - {kind: service, name: web, port: 80}
              - {kind: pod, name: db, port: 5432}
              - {kind: ip, ip: 192.0.2.10, port: 443}
              - {kind: pod, name: missing, port: 80}
            """), default);

        // Every address a destination resolved to gets a pending row; what cannot be resolved says why.
        var started = await UntilAsync(tests, new ObjectKey(ns.Name, "l4"), t => t?.Status?.Results.Count > 0);
        Assert.Equal(
            [
                ("service/" + ns.Name + "/web", $"{service.Spec.ClusterIP}:80", ProbeVerdict.Pending),
                ("service/" + ns.Name + "/web", "10.244.0.31:8080", ProbeVerdict.Pending),
                ("service/" + ns.Name + "/web", "10.244.0.32:8080", ProbeVerdict.Pending),
                ("pod/" + ns.Name + "/db", "10.244.0.20:5432", ProbeVerdict.Pending),
                ("ip/192.0.2.10", "192.0.2.10:443", ProbeVerdict.Pending),
                ("pod/" + ns.Name + "/missing", "-", ProbeVerdict.Error),
            ],
            started.Status!.Results.Select(r => (r.Destination, r.Target, r.Verdict)));
        Assert.Equal($"pod {ns.Name}/missing not found", started.Status.Results[^1].Error);
        Assert.All(started.Status.Conditions, c => Assert.Equal("Unknown", c.Status));

        var task = Assert.Single(dispatcher.Tasks);
        Assert.Equal((ns.Name, "client", client.Metadata.Uid, "node-a", "10.244.0.10"), (task.Source.PodNamespace, task.Source.PodName, task.SourcePodUid, task.Source.Node, task.Source.Address));
        Assert.Equal((4u, 3u, 56u, false), (task.Layer, task.Count, task.PayloadSize, task.PathMtu));
        Assert.Equal(5, task.Targets.Count);

        // The probers answer: all reachable but the external address, which times out.
        var store = host.Services.GetRequiredService<ProbeResultStore>();
        foreach (var target in task.Targets)
        {
            Assert.True(store.Add(Result(task, target, target.Address == "192.0.2.10" ? Verdict.Timeout : Verdict.Reachable)));
        }

        var finished = await UntilAsync(tests, new ObjectKey(ns.Name, "l4"), t => t?.Status?.Results.All(r => r.Verdict != ProbeVerdict.Pending) == true);
        var status = finished.Status!;
        Assert.Equal((6, 4, 1, 1), (status.Summary.Destinations, status.Summary.Reachable, status.Summary.Unreachable, status.Summary.Errors));
        Assert.Equal(2.5, status.Results[0].RttAvgMs);
        Assert.Equal(ProbeVerdict.Timeout, status.Results[4].Verdict);
        var degraded = Assert.Single(status.Conditions, c => c.Status == "True");
        Assert.Equal((NetworkConnectivityTestConditions.Degraded, "PartlyReachable"), (degraded.Type, degraded.Reason));
        Assert.Equal(1, status.ObservedGeneration);

        // A repeat of a result, or one for another run, is not taken.
        Assert.False(store.Add(Result(task, task.Targets[0], Verdict.Refused)));
        Assert.False(store.Add(Result(new ProbeTask(task) { RunId = "000000000000-old" }, task.Targets[0], Verdict.Refused)));
    }

    [Fact]
    public async Task InvalidTest_IsMarkedFailedWithWhatToFix_AndNothingIsDispatched()
    {
        await ClusterCrds.InstallAsync(fixture.Server);
        await using var ns = await TestNamespace.CreateAsync(_client);
        var dispatcher = new RecordingDispatcher(ns.Name);
        using var host = await StartOperatorAsync(dispatcher);
        var tests = new ResourceClient<V1Alpha1NetworkConnectivityTest>(_client);

        // The schema cannot say "layer 3 takes no port"; the controller can (and the admission webhook, in a cluster).
        await tests.CreateAsync(Test(ns.Name, "l3-port", """
            layer: "3"
            destinations:
              - {kind: ip, ip: 192.0.2.10, port: 80}
            """), default);

        var failed = await UntilAsync(tests, new ObjectKey(ns.Name, "l3-port"), t => t?.Status?.Conditions.Any(c => c.Status == "True") == true);
        var condition = Assert.Single(failed.Status!.Conditions, c => c.Status == "True");
        Assert.Equal((NetworkConnectivityTestConditions.Failed, "InvalidSpec"), (condition.Type, condition.Reason));
        Assert.Contains("spec.destinations[0].port", condition.Message, StringComparison.Ordinal);
        Assert.Empty(dispatcher.Tasks);
        var events = await ObjectEvents.UntilAsync(_client, ns.Name, failed.Metadata.Uid, all => all.Count > 0, Timeout);
        var invalid = Assert.Single(events);
        Assert.Equal((EventTypes.Warning, "InvalidSpec", condition.Message), (invalid.Type, invalid.Reason, invalid.Message));
    }

    private async Task<StoppingHost> StartOperatorAsync(IProbeDispatcher dispatcher)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new TestOutputLoggerProvider(output));
        builder.Services.AddSingleton<IKubernetes>(fixture.Server.CreateClient());
        builder.Services.AddSingleton(Prometheus.Metrics.NewCustomRegistry());
        builder.Services.AddSingleton(dispatcher);
        builder.Services.AddOperatorRuntime();
        builder.Services.AddConnectivityTests(await ConnectivityServiceCollectionExtensions.ServesEndpointSlicesAsync(_client));
        var host = builder.Build();
        await host.StartAsync();
        return new StoppingHost(host);
    }

    /// <summary>Stops the host on dispose, so a test's operator never outlives it.</summary>
    private sealed class StoppingHost(IHost host) : IDisposable
    {
        public IServiceProvider Services => host.Services;

        public void Dispose()
        {
            host.StopAsync().GetAwaiter().GetResult();
            host.Dispose();
        }
    }

    private async Task<V1Pod> CreatePodAsync(string @namespace, string name, string ip)
    {
        var pod = await _client.CoreV1.CreateNamespacedPodAsync(
            new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { NodeName = "node-a", Containers = [new V1Container { Name = "main", Image = "busybox" }] },
            },
            @namespace);

        // No kubelet runs here: write the status one would.
        pod.Status = new V1PodStatus { Phase = "Running", PodIP = ip, PodIPs = [new V1PodIP { Ip = ip }] };
        return await _client.CoreV1.ReplaceNamespacedPodStatusAsync(pod, name, @namespace);
    }

    private async Task<V1Service> CreateServiceAsync(string @namespace, string name, string[] endpoints)
    {
        var service = await _client.CoreV1.CreateNamespacedServiceAsync(
            new V1Service
            {
                Metadata = new V1ObjectMeta { Name = name },
                Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = name }, Ports = [new V1ServicePort { Port = 80, Name = "http", TargetPort = 8080 }] },
            },
            @namespace);

        // No endpoints controller runs here either.
        await _client.CoreV1.CreateNamespacedEndpointsAsync(
            new V1Endpoints
            {
                Metadata = new V1ObjectMeta { Name = name },
                Subsets = [new V1EndpointSubset { Addresses = [.. endpoints.Select(ip => new V1EndpointAddress { Ip = ip })], Ports = [new Corev1EndpointPort { Port = 8080, Name = "http" }] }],
            },
            @namespace);
        return service;
    }

    private static V1Alpha1NetworkConnectivityTest Test(string @namespace, string name, string spec) => ResourceYaml.ConnectivityTest(spec, name, @namespace);

    private static ProbeResult Result(ProbeTask task, ProbeResult.Types.Destination target, Verdict verdict) => new()
    {
        Test = task.Test,
        RunId = task.RunId,
        Source = task.Source,
        Destination = target,
        ProbeType = ProbeResult.Types.ProbeType.Tcp,
        Verdict = verdict,
        ErrorReason = verdict == Verdict.Reachable ? "" : "no answer within 5s",
        Sent = 3,
        Received = verdict == Verdict.Reachable ? 3u : 0u,
        LossPercent = verdict == Verdict.Reachable ? 0 : 100,
        RttMinNs = 2_000_000,
        RttAvgNs = 2_500_000,
        RttMaxNs = 3_000_000,
    };

    private static async Task<V1Alpha1NetworkConnectivityTest> UntilAsync(
        ResourceClient<V1Alpha1NetworkConnectivityTest> tests, ObjectKey key, Func<V1Alpha1NetworkConnectivityTest?, bool> done)
    {
        V1Alpha1NetworkConnectivityTest? last = null;
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            last = await tests.GetAsync(key, default);
            if (done(last))
            {
                return last!;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"not reached within {Timeout}: {KubernetesJson.Serialize(last?.Status)}");
        return last!;
    }
}
