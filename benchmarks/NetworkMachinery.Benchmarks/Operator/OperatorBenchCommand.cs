using System.Diagnostics;
using System.Text.Json;
using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Resources;
using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;
using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Benchmarks.Operator;

/// <summary>
/// <c>operator</c>: the real <c>netm operator</c> process against a private etcd and kube-apiserver 1.20. Latency from
/// a create, and from a spec change, to the operator's status, over sequential objects, next to what a bare watcher
/// sees of the same writes; then a burst of objects created at once, with the operator's memory next to its idle
/// memory. Markdown on stdout, progress on stderr, JSON to a file.
/// </summary>
internal static class OperatorBenchCommand
{
    private static readonly string Netm = Path.Combine(AppContext.BaseDirectory, "netm.dll");
    private static readonly TimeSpan Sample = TimeSpan.FromMilliseconds(100);
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Task<int> RunAsync(IReadOnlyList<string> args) => WholeRun.RunAsync("operator", args, OperatorBenchOptions.Usage, OperatorBenchOptions.Parse, RunAndReportAsync);

    private static async Task<int> RunAndReportAsync(OperatorBenchOptions options, CancellationToken cancellationToken)
    {
        var result = await RunAsync(options, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(options.JsonPath)!);
        await File.WriteAllTextAsync(options.JsonPath, JsonSerializer.Serialize(result, Json), cancellationToken);
        Console.WriteLine(OperatorBenchReport.Markdown(options, result));
        Log($"results in {options.JsonPath}");
        return 0;
    }

    private static async Task<OperatorBenchResult> RunAsync(OperatorBenchOptions options, CancellationToken cancellationToken)
    {
        Log("starting etcd and kube-apiserver 1.20...");
        await using var server = await KubeApiServer.StartAsync(cancellationToken);
        await KubectlAsync(server, ["apply", "-f", RepositoryPaths.Crds]);
        await KubectlAsync(server, ["wait", "--for", "condition=Established", "--timeout", "60s", "-f", RepositoryPaths.Crds]);
        using var client = server.CreateClient();

        var port = FreePorts.Tcp();
        Log($"apiserver on {server.Server}; starting netm operator (health on 127.0.0.1:{port})...");
        await using var netm = BackgroundProcess.Start("dotnet", [Netm, "operator", "--kubeconfig", server.KubeconfigPath, "--listen", $"127.0.0.1:{port}", "--log-level", "Warning", "--no-webhook"]);
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        await netm.WaitForOutputAsync("netm operator: running", timeout, cancellationToken);
        using (var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") })
        {
            Check(await Poll.UntilAsync(() => http.GetAsync(new Uri("/readyz", UriKind.Relative)).Result.IsSuccessStatusCode, timeout, cancellationToken), "the operator never became ready", netm);
        }

        await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds), cancellationToken);
        var idle = MemorySampler.Read(netm.Id).Rss;
        Log($"operator ready, PID {netm.Id}, idle RSS {idle:0.0} MiB");

        var sequential = await SequentialAsync(client, options, netm, cancellationToken);
        var burst = await BurstAsync(client, options, netm, cancellationToken);
        var peak = MemorySampler.Read(netm.Id).Peak;
        var stopped = await netm.StopAsync(UnixSignal.Terminate, TimeSpan.FromSeconds(30));
        Log($"operator stopped (exit code {stopped.ExitCode})");
        return new OperatorBenchResult(sequential, burst, idle, peak);
    }

    /// <summary>Creates the objects one by one, each once the last one has status; then changes each one's spec the same way.</summary>
    private static async Task<SequentialResult> SequentialAsync(
        IKubernetes client, OperatorBenchOptions options, BackgroundProcess netm, CancellationToken cancellationToken)
    {
        var @namespace = await NamespaceAsync(client, "bench-sequential", cancellationToken);
        await using var watcher = await TestWatcher.StartAsync(client, @namespace, cancellationToken);
        var tests = new ResourceClient<V1Alpha1NetworkConnectivityTest>(client);
        var names = Enumerable.Range(0, options.Sequential).Select(i => $"seq-{i:D4}").ToList();
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);

        Log($"{names.Count} creates, one at a time...");
        var created = new List<double>();
        var added = new List<double>();
        foreach (var name in names)
        {
            var sent = Stopwatch.GetTimestamp();
            await tests.CreateAsync(Test(@namespace, name), cancellationToken);
            created.Add(Milliseconds(sent, await Await(watcher.Of(name).WhenAsync(TestStage.Status, 1), $"{name}'s status", netm, timeout, cancellationToken)));
            added.Add(Milliseconds(sent, await watcher.Of(name).WhenAsync(TestStage.Written, 1)));
        }

        Log($"{names.Count} spec changes, one at a time...");
        var changed = new List<double>();
        var modified = new List<double>();
        var change = new V1Patch("""{"spec":{"count":2}}""", V1Patch.PatchType.MergePatch);
        foreach (var name in names)
        {
            var sent = Stopwatch.GetTimestamp();
            await tests.PatchAsync(new ObjectKey(@namespace, name), change, cancellationToken);
            changed.Add(Milliseconds(sent, await Await(watcher.Of(name).WhenAsync(TestStage.Status, 2), $"{name}'s status for generation 2", netm, timeout, cancellationToken)));
            modified.Add(Milliseconds(sent, await watcher.Of(name).WhenAsync(TestStage.Written, 2)));
        }

        return new SequentialResult(Latencies.Of(added), Latencies.Of(created), Latencies.Of(modified), Latencies.Of(changed));
    }

    /// <summary>Creates the objects all at once (with a bounded number of requests in flight) and waits until each has status and a verdict.</summary>
    private static async Task<BurstResult> BurstAsync(IKubernetes client, OperatorBenchOptions options, BackgroundProcess netm, CancellationToken cancellationToken)
    {
        var @namespace = await NamespaceAsync(client, "bench-burst", cancellationToken);
        await using var watcher = await TestWatcher.StartAsync(client, @namespace, cancellationToken);
        var tests = new ResourceClient<V1Alpha1NetworkConnectivityTest>(client);
        var names = Enumerable.Range(0, options.Burst).Select(i => $"burst-{i:D5}").ToList();
        var sent = new long[names.Count];
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var rss = 0.0;
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = Task.Run(
            async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    rss = Math.Max(rss, MemorySampler.Read(netm.Id).Rss);
                    await Task.Delay(Sample, sampling.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            },
            CancellationToken.None);

        Log($"{names.Count} creates at once ({options.Concurrency} in flight)...");
        var start = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, names.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                sent[i] = Stopwatch.GetTimestamp();
                await tests.CreateAsync(Test(@namespace, names[i]), token);
            });
        var createsDone = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Log($"every create returned after {createsDone:0.00} s; waiting for the watch events...");
        var added = await Await(Task.WhenAll(names.Select(n => watcher.Of(n).WhenAsync(TestStage.Written, 1))), "every ADDED event", netm, timeout, cancellationToken);
        var statuses = await Await(Task.WhenAll(names.Select(n => watcher.Of(n).WhenAsync(TestStage.Status, 1))), "every object's status", netm, timeout, cancellationToken);
        Log($"every object has status after {Milliseconds(start, statuses.Max()) / 1000:0.00} s; waiting for the runs' verdicts (no prober: after each run's budget)...");
        var judged = await Await(Task.WhenAll(names.Select(n => watcher.Of(n).WhenAsync(TestStage.Judged, 1))), "every object's verdict", netm, timeout, cancellationToken);
        await sampling.CancelAsync();
        await sampler;

        return new BurstResult(
            names.Count,
            createsDone,
            Milliseconds(start, added.Max()) / 1000,
            Milliseconds(start, statuses.Max()) / 1000,
            Milliseconds(start, judged.Max()) / 1000,
            Latencies.Of([.. statuses.Select((at, i) => Milliseconds(sent[i], at))]),
            rss);
    }

    // Layer 3 to an address: resolving it needs no pod, and with no prober running the run ends after its budget (17 s).
    private static V1Alpha1NetworkConnectivityTest Test(string @namespace, string name) => KubernetesYaml.Deserialize<V1Alpha1NetworkConnectivityTest>($$"""
        apiVersion: {{NetworkMachineryApi.ApiVersion}}
        kind: {{V1Alpha1NetworkConnectivityTest.KubeKind}}
        metadata: {name: {{name}}, namespace: {{@namespace}}}
        spec:
          layer: "3"
          destinations: [{kind: ip, ip: 192.0.2.1}]
        """);

    private static async Task<string> NamespaceAsync(IKubernetes client, string name, CancellationToken cancellationToken)
    {
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: cancellationToken);
        return name;
    }

    private static async Task<T> Await<T>(Task<T> task, string what, BackgroundProcess netm, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            Check(false, $"no {what} within {timeout.TotalSeconds} s", netm);
            throw;
        }
    }

    private static void Check(bool condition, string failure, BackgroundProcess netm)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{failure}; the operator's log:\n{netm.StandardError}");
        }
    }

    private static async Task KubectlAsync(KubeApiServer server, IEnumerable<string> arguments) =>
        await ProcessRunner.RunAsync("kubectl", ["--kubeconfig", server.KubeconfigPath, .. arguments], new ProcessOptions { Timeout = TimeSpan.FromSeconds(90) });

    private static double Milliseconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private static void Log(string message) => Console.Error.WriteLine($"operator: {message}");
}
