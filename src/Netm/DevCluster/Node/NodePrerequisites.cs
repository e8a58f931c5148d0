namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// The Debian packages the node runs besides the Kubernetes binaries: scripts/install-deps.sh installs them all.
/// Checked before anything starts, so that a missing one is named with the command that installs it, not found in a log.
/// </summary>
internal static class NodePrerequisites
{
    /// <summary>The script that installs them, relative to the checkout.</summary>
    public const string InstallScript = "scripts/install-deps.sh";

    private static readonly (string Path, string Package)[] Files =
    [
        ("/usr/bin/containerd", "containerd"),
        ("/usr/bin/ctr", "containerd"),
        ("/usr/sbin/runc", "runc"),
        ("/usr/lib/cni/bridge", "containernetworking-plugins"),
        ("/usr/lib/cni/host-local", "containernetworking-plugins"),
        ("/usr/lib/cni/portmap", "containernetworking-plugins"),
        ("/usr/lib/cni/loopback", "containernetworking-plugins"),
        ("/usr/sbin/iptables", "iptables"),
        ("/usr/sbin/conntrack", "conntrack"),
        ("/usr/sbin/dnsmasq", "dnsmasq-base"),
        ("/usr/sbin/ip", "iproute2"),
    ];

    /// <summary>Throws when a package is missing.</summary>
    /// <exception cref="DevClusterException">The message names the missing files, their packages and the script.</exception>
    public static void Require()
    {
        var missing = Files.Where(file => !File.Exists(file.Path)).ToList();
        if (missing.Count > 0)
        {
            throw new DevClusterException(
                $"the node needs {string.Join(", ", missing.Select(file => $"{file.Path} (package {file.Package})"))}: " +
                $"run {InstallScript} (as root, or with sudo), which installs them.");
        }
    }
}
