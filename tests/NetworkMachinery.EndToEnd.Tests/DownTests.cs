using System.Diagnostics;
using NetworkMachinery.Testing.Processes;
using Xunit.Abstractions;

namespace NetworkMachinery.EndToEnd.Tests;

/// <summary>
/// <c>down</c> on a cluster with a running pod and Network Machinery deployed with the node's Kafka leaves nothing
/// behind: no process (Kafka's and ZooKeeper's JVMs included), mount, interface, iptables chain or pod cgroup, no state
/// directory. A cluster of its own (a collection of its own), since it ends it.
/// </summary>
public sealed class DownTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Down_AfterAPodRanAndADeployWithKafka_LeavesNothingBehind_AndAgainIsANoOp()
    {
        var cluster = new DevClusterProcess();
        try
        {
            var started = Stopwatch.GetTimestamp();
            await cluster.UpAsync();
            var cold = Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            await cluster.UpAsync();
            output.WriteLine($"up: {cold.TotalSeconds:0.0} s, again (all running): {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");

            var kubectl = new Kubectl(cluster.Kubeconfig);
            var ns = await kubectl.CreateNamespaceAsync("down");
            await kubectl.RunBusyboxAsync(ns, "leftover", "sleep 3600");
            await cluster.DeployAsync();
            var before = await HostStateAsync(cluster);

            await cluster.DownAsync();
            var after = await HostStateAsync(cluster);
            var again = await cluster.RunAsync("down");

            // What down must remove was there to begin with.
            Assert.NotEmpty(before.Processes);
            Assert.Contains(before.Processes, commandLine => commandLine.Contains("kafka.Kafka", StringComparison.Ordinal));
            Assert.Contains(before.Processes, commandLine => commandLine.Contains("QuorumPeerMain", StringComparison.Ordinal));
            Assert.NotEmpty(before.Mounts);
            Assert.Contains("netm-cni0", before.Interfaces);
            Assert.Contains("netm-node", before.Interfaces);
            Assert.NotEmpty(before.Chains);
            Assert.True(before.Kubepods);

            Assert.Empty(after.Processes);
            Assert.Empty(after.Mounts);
            Assert.DoesNotContain("netm-cni0", after.Interfaces);
            Assert.DoesNotContain("netm-node", after.Interfaces);
            Assert.Empty(after.Chains);
            Assert.False(after.Kubepods);
            Assert.False(Directory.Exists(cluster.StateDirectory));
            Assert.Equal(0, again.ExitCode);
            Assert.Contains("nothing is up", again.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            await cluster.RunAsync("down");
        }
    }

    private sealed record HostState(IReadOnlyList<string> Processes, IReadOnlyList<string> Mounts, IReadOnlyList<string> Interfaces, IReadOnlyList<string> Chains, bool Kubepods);

    private static async Task<HostState> HostStateAsync(DevClusterProcess cluster)
    {
        // Every process of the cluster names the state directory: the daemons and the shims (containerd's socket), and
        // the containers run in the pod cgroups.
        var processes = Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(name => ProcessIds.ReadCommandLine(int.Parse(name!)))
            .Where(commandLine => commandLine is not null && commandLine.Contains(cluster.StateDirectory, StringComparison.Ordinal) && !commandLine.Contains(" devcluster down", StringComparison.Ordinal))
            .Select(commandLine => commandLine!)
            .ToList();
        var mounts = File.ReadLines("/proc/self/mountinfo").Where(line => line.Contains(cluster.StateDirectory, StringComparison.Ordinal)).ToList();
        var interfaces = Directory.GetDirectories("/sys/class/net").Select(Path.GetFileName).Select(name => name!).ToList();
        var chains = new List<string>();
        foreach (var table in (string[])["filter", "nat"])
        {
            var rules = await ProcessRunner.RunAsync("iptables", ["-w", "-t", table, "-S"]);
            chains.AddRange(rules.StandardOutput.Split('\n').Where(line => line.StartsWith("-N KUBE-", StringComparison.Ordinal) || line.StartsWith("-N CNI-", StringComparison.Ordinal)));
        }

        var kubepods = Directory.GetDirectories("/sys/fs/cgroup").Any(hierarchy => Directory.Exists(Path.Combine(hierarchy, "kubepods")));
        return new HostState(processes, mounts, interfaces, chains, kubepods);
    }
}
