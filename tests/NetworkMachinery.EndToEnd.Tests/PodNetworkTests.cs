namespace NetworkMachinery.EndToEnd.Tests;

/// <summary>Pods on the node's bridge network: addresses from the pod CIDR, reachable from each other, exec through the kubelet.</summary>
[Collection(DevClusterGroup.Name)]
public sealed class PodNetworkTests(DevClusterFixture cluster)
{
    [Fact]
    public async Task TwoPods_GetPodAddresses_AndPingEachOther()
    {
        var kubectl = cluster.Kubectl;
        var ns = await kubectl.CreateNamespaceAsync("ping");

        var first = await kubectl.RunBusyboxAsync(ns, "first", "sleep 3600");
        var second = await kubectl.RunBusyboxAsync(ns, "second", "sleep 3600");
        var ping = await kubectl.ExecAsync(ns, "first", "ping", "-c", "3", "-W", "2", second);
        var back = await kubectl.ExecAsync(ns, "second", "ping", "-c", "3", "-W", "2", first);

        Assert.StartsWith("10.244.0.", first, StringComparison.Ordinal);
        Assert.StartsWith("10.244.0.", second, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.True(ping.Succeeded, ping.StandardOutput + ping.StandardError);
        Assert.Contains("3 packets received", ping.StandardOutput, StringComparison.Ordinal);
        Assert.True(back.Succeeded, back.StandardOutput + back.StandardError);
    }

    [Fact]
    public async Task Exec_RunsInThePodsContainer_WithItsHostnameAndExitCode()
    {
        var kubectl = cluster.Kubectl;
        var ns = await kubectl.CreateNamespaceAsync("exec");
        await kubectl.RunBusyboxAsync(ns, "shell", "sleep 3600");

        var hostname = await kubectl.ExecAsync(ns, "shell", "hostname");
        var failing = await kubectl.ExecAsync(ns, "shell", "sh", "-c", "exit 7");

        Assert.True(hostname.Succeeded, hostname.StandardError);
        Assert.Equal("shell", hostname.StandardOutput.Trim());
        Assert.Equal(7, failing.ExitCode);
    }
}
