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

        var answer = await FetchAsync(kubectl, ns, $"http://{clusterIp}/");

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

        // The pod's resolv.conf searches NAMESPACE.svc.cluster.local, so the short name works too.
        var full = await FetchAsync(kubectl, ns, $"http://named.{ns}.svc.cluster.local/");
        var lookup = await kubectl.ExecAsync(ns, "client", "nslookup", $"named.{ns}.svc.cluster.local");
        var missing = await kubectl.ExecAsync(ns, "client", "nslookup", $"absent.{ns}.svc.cluster.local");

        Assert.Equal("named", full);
        Assert.Contains(clusterIp, lookup.StandardOutput, StringComparison.Ordinal);
        Assert.NotEqual(0, missing.ExitCode);
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

    /// <summary>wget from the client pod, tried for up to 30 s: kube-proxy and the DNS records follow the Service within seconds.</summary>
    private static async Task<string> FetchAsync(Kubectl kubectl, string ns, string url)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var fetch = await kubectl.ExecAsync(ns, "client", "wget", "-q", "-T", "3", "-O", "-", url);
            if (fetch.Succeeded || DateTime.UtcNow >= deadline)
            {
                Assert.True(fetch.Succeeded, $"wget {url}: {fetch.StandardError}");
                return fetch.StandardOutput.Trim();
            }

            await Task.Delay(500);
        }
    }
}
