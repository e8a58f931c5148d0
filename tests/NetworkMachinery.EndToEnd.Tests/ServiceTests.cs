using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.EndToEnd.Tests;

/// <summary>Services: a cluster IP that kube-proxy's rules send to the pod behind it, and a name the cluster DNS resolves.</summary>
[Collection(DevClusterGroup.Name)]
public sealed class ServiceTests(DevClusterFixture cluster)
{
    // busybox httpd serves the pod's name from /www on port 80.
    private const string WebServer = "mkdir /www && hostname > /www/index.html && httpd -f -p 80 -h /www";

    [Fact]
    public async Task ClusterIp_ReachesThePodBehindIt_FromAnotherPod()
    {
        var kubectl = cluster.Kubectl;
        var ns = await kubectl.CreateNamespaceAsync("svc");
        await kubectl.RunBusyboxAsync(ns, "web", WebServer);
        var clusterIp = await CreateServiceAsync(kubectl, ns, "web");
        await kubectl.RunBusyboxAsync(ns, "client", "sleep 3600");

        var answer = await FetchAsync(kubectl, ns, clusterIp);

        Assert.StartsWith("10.0.0.", clusterIp, StringComparison.Ordinal);
        Assert.Equal("web", answer);
    }

    [Fact]
    public async Task ServiceName_ResolvesThroughTheClusterDns_FromAPod()
    {
        var kubectl = cluster.Kubectl;
        var ns = await kubectl.CreateNamespaceAsync("dns");
        await kubectl.RunBusyboxAsync(ns, "named", WebServer);
        var clusterIp = await CreateServiceAsync(kubectl, ns, "named");
        await kubectl.RunBusyboxAsync(ns, "client", "sleep 3600");

        // The records follow the Services within a second or two; busybox's nslookup asks the pod's nameserver itself.
        var lookup = await RetryAsync(() => kubectl.ExecAsync(ns, "client", "nslookup", $"named.{ns}.svc.cluster.local"));
        var missing = await kubectl.ExecAsync(ns, "client", "nslookup", $"absent.{ns}.svc.cluster.local");
        var resolvConf = await kubectl.ExecAsync(ns, "client", "cat", "/etc/resolv.conf");
        // The DNS is a pod (the kubelet's static pod, mirrored into the API as NAME-NODE) behind the Service kube-dns.
        var dnsImage = await kubectl.RunAsync(["get", "pod", "cluster-dns-netm-dev-node", "-n", "kube-system", "-o", "jsonpath={.spec.containers[0].image}"]);
        var dnsService = await kubectl.RunAsync(["get", "service", "kube-dns", "-n", "kube-system", "-o", "jsonpath={.spec.clusterIP}"]);

        Assert.True(lookup.Succeeded, lookup.StandardOutput + lookup.StandardError);
        Assert.Contains($"Address: {clusterIp}", lookup.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("NXDOMAIN", missing.StandardOutput + missing.StandardError, StringComparison.Ordinal);
        Assert.Contains($"search {ns}.svc.cluster.local", resolvConf.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"nameserver {dnsService}", resolvConf.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("10.0.0.10", dnsService);
        Assert.Equal("localhost/networkmachinery/dnsmasq:dev", dnsImage);
    }

    private static async Task<string> CreateServiceAsync(Kubectl kubectl, string ns, string name)
    {
        await kubectl.ApplyAsync(
            $$"""
            apiVersion: v1
            kind: Service
            metadata:
              name: {{name}}
              namespace: {{ns}}
            spec:
              selector: { app: "{{name}}" }
              ports:
              - port: 80
                targetPort: 80
            """);
        return (await kubectl.RunAsync(["get", "service", name, "-n", ns, "-o", "jsonpath={.spec.clusterIP}"])).Trim();
    }

    /// <summary>
    /// GET / on port 80 of <paramref name="address"/> from the client pod with nc, and the body. Not wget: busybox-static
    /// is linked against glibc, whose name-service lookups (even of "http") crash without the shared NSS modules.
    /// </summary>
    private static async Task<string> FetchAsync(Kubectl kubectl, string ns, string address)
    {
        var fetch = await RetryAsync(() => kubectl.ExecAsync(ns, "client", "sh", "-c", $"printf 'GET / HTTP/1.0\r\n\r\n' | nc -w 3 {address} 80"));
        Assert.True(fetch.Succeeded && fetch.StandardOutput.Contains("200 OK", StringComparison.Ordinal), $"GET http://{address}/: {fetch.StandardOutput}{fetch.StandardError}");
        return fetch.StandardOutput.Split("\r\n\r\n", 2)[^1].Trim();
    }

    /// <summary>Runs <paramref name="attempt"/> until it succeeds, for up to 30 s: kube-proxy's rules and the DNS records follow a new Service within seconds.</summary>
    private static async Task<ProcessResult> RetryAsync(Func<Task<ProcessResult>> attempt)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var result = await attempt();
            if ((result.Succeeded && result.StandardOutput.Length > 0) || DateTime.UtcNow >= deadline)
            {
                return result;
            }

            await Task.Delay(500);
        }
    }
}
