namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// What <c>down</c> removes of the node once its processes are gone: the mounts under the state directory (containers'
/// root filesystems, the pods' network namespaces, volumes), the KUBE-* and CNI-* iptables chains, the pods' cgroups,
/// the veth pair and the bridge; then the machine's node claim. Each step is a no-op when there is nothing to remove.
/// </summary>
internal static class NodeTeardown
{
    /// <summary>Removes it all and says what went.</summary>
    public static async Task RunAsync(ControlPlaneFiles files, TextWriter log)
    {
        var mounts = StateMounts.UnmountUnder(files.Directory);
        var chains = await NodeIptables.RemoveAsync();
        var cgroups = Kubepods.Remove();
        await log.WriteLineAsync($"netm devcluster: unmounted {mounts} mounts, removed {chains} iptables chains and {cgroups} pod cgroups");
        await NodeHost.TearDownAsync(new NodeFiles(files), log);
        NodeOwner.Release(files);
    }
}
