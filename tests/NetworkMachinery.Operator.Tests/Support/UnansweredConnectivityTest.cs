using k8s;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Resources;
using NetworkMachinery.Testing.Polling;

namespace NetworkMachinery.Operator.Tests.Support;

/// <summary>A NetworkConnectivityTest that no prober answers (none runs yet), to see that a running operator reconciles.</summary>
internal static class UnansweredConnectivityTest
{
    /// <summary>
    /// Creates a test of one ping to 192.0.2.1 with a 1 s timeout and waits until the operator has written its one
    /// row, an error, into the status: about 11 s, the run's budget. <paramref name="diagnostics"/> (the operator's
    /// stderr) goes into the failure message.
    /// </summary>
    /// <returns>The test as the operator left it.</returns>
    public static async Task<V1Alpha1NetworkConnectivityTest> ReconcileAsync(IKubernetes client, string @namespace, string name, Func<string> diagnostics, TimeSpan timeout)
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
            $"status: {KubernetesJson.Serialize(test?.Status)}\n{diagnostics()}");
        return test!;
    }
}
