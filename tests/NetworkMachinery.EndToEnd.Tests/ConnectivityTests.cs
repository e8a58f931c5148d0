using Xunit.Abstractions;

namespace NetworkMachinery.EndToEnd.Tests;

/// <summary>
/// NetworkConnectivityTests on the real cluster with Network Machinery deployed by <c>netm devcluster deploy --kafka</c>:
/// the operator resolves them and sends the tasks over the node's Kafka to the prober DaemonSet, which probes from
/// inside the source pod's network namespace (found through the kubepods cgroup the kubelet made) and answers; the
/// verdict of every row in the status is checked against what the network really does.
/// </summary>
[Collection(DevClusterGroup.Name)]
public sealed class ConnectivityTests(DevClusterFixture cluster, ITestOutputHelper output)
{
    // busybox httpd on port 80 serves the pod's name.
    private const string WebServer = "mkdir /www && hostname > /www/index.html && httpd -f -p 80 -h /www";

    // From creating a test until its status holds every verdict: dispatch, a probe run of at most count x timeout, the
    // answer over Kafka and the status write take seconds; the bound leaves room for a loaded CI machine.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Layer4_ToAPodAServiceAnIpAndADnsName_EveryTargetIsReachable_AndAClosedPortIsRefused()
    {
        var (kubectl, ns, pods) = await PodsAsync("l4");

        await ApplyTestAsync(kubectl, ns, "l4", """
            layer: "4"
            source: { name: client }
            count: 2
            interval: 100ms
            timeout: 2s
            destinations:
            - { kind: pod, name: web-1, port: 80 }
            - { kind: pod, name: web-1, port: 81 }
            - { kind: service, name: web, port: 80 }
            - { kind: ip, ip: "WEB2", port: 80 }
            - { kind: dns, host: "web.NS.svc.cluster.local", port: 80 }
            """.Replace("WEB2", pods.Web2, StringComparison.Ordinal).Replace("NS", ns, StringComparison.Ordinal));
        var status = await ConnectivityStatus.WaitAsync(kubectl, ns, "l4", Bound);
        output.WriteLine($"judged after {status.Took.TotalSeconds:0.0} s: {string.Join("; ", status.Results)}");

        // The service's every endpoint and its ClusterIP, the IP, and the DNS name resolved inside the client to the ClusterIP.
        (string, string, string)[] expected =
            [
                ($"pod/{ns}/web-1", $"{pods.Web1}:80", "Reachable"),
                ($"pod/{ns}/web-1", $"{pods.Web1}:81", "Refused"),
                ($"service/{ns}/web", $"{pods.ClusterIp}:80", "Reachable"),
                ($"service/{ns}/web", $"{pods.Web1}:80", "Reachable"),
                ($"service/{ns}/web", $"{pods.Web2}:80", "Reachable"),
                ($"ip/{pods.Web2}", $"{pods.Web2}:80", "Reachable"),
                ($"dns/web.{ns}.svc.cluster.local", $"{pods.ClusterIp}:80", "Reachable"),
            ];
        Assert.Equal(expected.Order(), status.Results.Order());
        // Six of seven as expected (Reachable, since the test expects nothing): degraded, not failed.
        Assert.Contains("Degraded", status.Conditions);
    }

    [Fact]
    public async Task PathsBlockedInsidePods_EveryVerdictFollowsTheRules_AndExpectUnreachableSucceeds()
    {
        var (kubectl, ns, pods) = await PodsAsync("l3");
        await PodFirewall.BlockAsync(kubectl, ns, "web-2", "input", "icmp type echo-request drop", "tcp dport 80 reject with icmpx type admin-prohibited");
        // In the source's own namespace: only a probe that runs inside it meets this rule (from the node, web-1 answers).
        await PodFirewall.BlockAsync(kubectl, ns, "client", "output", $"ip daddr {pods.Web1} tcp dport 80 drop");

        await ApplyTestAsync(kubectl, ns, "l3", """
            layer: "3"
            source: { name: client }
            count: 2
            interval: 100ms
            timeout: 1s
            destinations:
            - { kind: pod, name: web-1 }
            - { kind: pod, name: web-2 }
            """);
        await ApplyTestAsync(kubectl, ns, "blocked", """
            layer: "4"
            source: { name: client }
            count: 1
            timeout: 2s
            expect: Unreachable
            destinations:
            - { kind: pod, name: web-2, port: 80 }
            """);
        await ApplyTestAsync(kubectl, ns, "egress", """
            layer: "4"
            source: { name: client }
            count: 1
            timeout: 2s
            destinations:
            - { kind: pod, name: web-1, port: 80 }
            """);
        var open = await ConnectivityStatus.WaitAsync(kubectl, ns, "l3", Bound);
        var blocked = await ConnectivityStatus.WaitAsync(kubectl, ns, "blocked", Bound);
        output.WriteLine($"l3 after {open.Took.TotalSeconds:0.0} s: {string.Join("; ", open.Results)}");
        var egress = await ConnectivityStatus.WaitAsync(kubectl, ns, "egress", Bound);
        output.WriteLine($"blocked after {blocked.Took.TotalSeconds:0.0} s: {string.Join("; ", blocked.Results)}");
        output.WriteLine($"egress after {egress.Took.TotalSeconds:0.0} s: {string.Join("; ", egress.Results)}");

        Assert.Equal([($"pod/{ns}/web-1", pods.Web1, "Reachable"), ($"pod/{ns}/web-2", pods.Web2, "Timeout")], open.Results.Order());
        Assert.Contains("Degraded", open.Conditions);
        Assert.Equal([($"pod/{ns}/web-2", $"{pods.Web2}:80", "Unreachable")], blocked.Results);
        Assert.Contains("Succeeded", blocked.Conditions);
        Assert.Equal([($"pod/{ns}/web-1", $"{pods.Web1}:80", "Timeout")], egress.Results);
        Assert.Contains("Failed", egress.Conditions);
    }

    private sealed record Pods(string Web1, string Web2, string ClusterIp);

    /// <summary>
    /// Deploys Network Machinery (once), then in a new namespace: web-1 and web-2 serving HTTP behind the Service web, and
    /// the client pod the probes start from.
    /// </summary>
    private async Task<(Kubectl Kubectl, string Namespace, Pods Pods)> PodsAsync(string prefix)
    {
        await cluster.DeployedAsync();
        var kubectl = cluster.Kubectl;
        var ns = await kubectl.CreateNamespaceAsync(prefix);
        var web1 = await kubectl.RunBusyboxAsync(ns, "web-1", WebServer, label: "web");
        var web2 = await kubectl.RunBusyboxAsync(ns, "web-2", WebServer, label: "web");
        await kubectl.RunBusyboxAsync(ns, "client", "sleep 3600");
        await kubectl.ApplyAsync(
            $"""
            apiVersion: v1
            kind: Service
            metadata: {"{"} name: web, namespace: {ns} {"}"}
            spec:
              selector: {"{"} app: web {"}"}
              ports: [{"{"} port: 80, targetPort: 80 {"}"}]
            """);
        var clusterIp = (await kubectl.RunAsync(["get", "service", "web", "-n", ns, "-o", "jsonpath={.spec.clusterIP}"])).Trim();

        // The operator resolves what is there when the test arrives: both endpoints, and the name in the cluster DNS
        // (whose records follow the Services within a second or two).
        await WaitUntilAsync(
            async () => (await kubectl.RunAsync(["get", "endpoints", "web", "-n", ns, "-o", "jsonpath={.subsets[*].addresses[*].ip}"])).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 2,
            "the Service web has both endpoints");
        await WaitUntilAsync(
            async () => (await kubectl.ExecAsync(ns, "client", "nslookup", $"web.{ns}.svc.cluster.local")).StandardOutput.Contains(clusterIp, StringComparison.Ordinal),
            "the cluster DNS answers the Service's name");
        return (kubectl, ns, new Pods(web1, web2, clusterIp));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within 60 s: {what}");
            await Task.Delay(500);
        }
    }

    private static Task ApplyTestAsync(Kubectl kubectl, string ns, string name, string spec) =>
        kubectl.ApplyAsync(
            $"""
            apiVersion: networkmachinery.io/v1alpha1
            kind: NetworkConnectivityTest
            metadata:
              name: {name}
              namespace: {ns}
            spec:
            {string.Join('\n', spec.Split('\n').Select(line => "  " + line))}
            """);
}
