namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// The machine-wide claim on the node: which state directory's cluster owns the node's interfaces, iptables chains and
/// cgroups. A second cluster with a node would fight over them, so <c>up</c> refuses while another directory holds it.
/// </summary>
internal static class NodeOwner
{
    private const string ClaimFile = "/run/netm-devcluster-node";

    /// <summary>Claims the node for <paramref name="files"/>'s cluster.</summary>
    /// <exception cref="DevClusterException">Another dev cluster's node runs; the message says how to stop it.</exception>
    public static async Task ClaimAsync(ControlPlaneFiles files, CancellationToken cancellationToken)
    {
        if (IsHeldByAnother(files) && Owner() is { } owner)
        {
            throw new DevClusterException(
                $"the dev cluster in {owner} runs this machine's node (one node per machine: its interfaces, iptables chains and cgroups are machine-wide); " +
                $"stop it with `./netm devcluster down --state-dir {owner}`, or start this one with --control-plane-only.");
        }

        await File.WriteAllTextAsync(ClaimFile, files.Directory, cancellationToken);
    }

    /// <summary>True when another dev cluster that still exists holds the claim: <c>down</c> then leaves the machine-wide parts alone.</summary>
    public static bool IsHeldByAnother(ControlPlaneFiles files) =>
        Owner() is { } owner && owner != files.Directory && File.Exists(new ControlPlaneFiles(owner).Settings);

    /// <summary>True when <paramref name="files"/>'s cluster holds the claim.</summary>
    public static bool IsOwner(ControlPlaneFiles files) => Owner() == files.Directory;

    /// <summary>Gives the claim up, when <paramref name="files"/>'s cluster holds it.</summary>
    public static void Release(ControlPlaneFiles files)
    {
        if (IsOwner(files))
        {
            File.Delete(ClaimFile);
        }
    }

    private static string? Owner() => File.Exists(ClaimFile) ? File.ReadAllText(ClaimFile).Trim() : null;
}
