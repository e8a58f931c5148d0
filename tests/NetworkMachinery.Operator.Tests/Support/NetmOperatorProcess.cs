using k8s;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Resources;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Operator.Tests.Support;

/// <summary><c>netm operator</c> run as a process against a real apiserver, as users and the chart run it.</summary>
internal static class NetmOperatorProcess
{
    public static readonly string Netm = Path.Combine(AppContext.BaseDirectory, "netm.dll");

    /// <summary>
    /// Starts <c>netm operator --kubeconfig KUBECONFIG --listen 127.0.0.1:PORT ARGUMENTS</c> and returns once it says it
    /// runs and its /readyz answers (its informers synced); the caller disposes it.
    /// </summary>
    public static async Task<BackgroundProcess> StartReadyAsync(string kubeconfig, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var port = FreePorts.Tcp();
        var netm = BackgroundProcess.Start("dotnet", [Netm, "operator", "--kubeconfig", kubeconfig, "--listen", $"127.0.0.1:{port}", .. arguments]);
        try
        {
            await netm.WaitForOutputAsync("netm operator: running", timeout);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            Assert.True(await Poll.UntilAsync(() => http.GetAsync(new Uri("/readyz", UriKind.Relative)).Result.IsSuccessStatusCode, timeout), netm.StandardError);
            return netm;
        }
        catch
        {
            await netm.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates a test of one ping to 192.0.2.1 with a 1 s timeout, which no prober answers (none runs yet), and waits
    /// until the operator has written its one row, an error, into the status: about 11 s, the run's budget.
    /// </summary>
    public static async Task<V1Alpha1NetworkConnectivityTest> ReconcileUnansweredTestAsync(IKubernetes client, string @namespace, string name, BackgroundProcess netm, TimeSpan timeout)
    {
        var tests = new ResourceClient<V1Alpha1NetworkConnectivityTest>(client);
        await tests.CreateAsync(KubernetesYaml.Deserialize<V1Alpha1NetworkConnectivityTest>($"""
            apiVersion: networkmachinery.io/v1alpha1
            kind: NetworkConnectivityTest
            metadata: {"{"}name: {name}, namespace: {@namespace}{"}"}
            spec:
              layer: "3"
              count: 1
              timeout: 1s
              destinations: [{"{"}kind: ip, ip: 192.0.2.1{"}"}]
            """), default);

        var key = new ObjectKey(@namespace, name);
        V1Alpha1NetworkConnectivityTest? test = null;
        Assert.True(
            await Poll.UntilAsync(() => (test = tests.GetAsync(key, default).Result)?.Status?.Results.FirstOrDefault()?.Verdict == ProbeVerdict.Error, timeout),
            $"status: {KubernetesJson.Serialize(test?.Status)}\n{netm.StandardError}");
        return test!;
    }
}
