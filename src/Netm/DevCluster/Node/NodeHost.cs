using System.Globalization;

namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// What the node changes on the host besides its processes: the veth pair that holds the node's address, IPv4
/// forwarding (pods reach Services through the host's routing), and, made by the CNI bridge plugin, the pods' bridge.
/// </summary>
internal static class NodeHost
{
    private const string IpForward = "/proc/sys/net/ipv4/ip_forward";

    /// <summary>Creates the veth pair with the node's address (unless it exists) and turns IPv4 forwarding on.</summary>
    public static async Task SetUpAsync(NodeFiles files, CancellationToken cancellationToken)
    {
        if (!InterfaceExists(NodeNetwork.NodeInterface))
        {
            await Ip(cancellationToken, "link", "add", NodeNetwork.NodeInterface, "type", "veth", "peer", "name", NodeNetwork.PeerInterface);
        }

        await Ip(cancellationToken, "addr", "replace", $"{NodeNetwork.NodeAddress}/{NodeNetwork.NodePrefixLength.ToString(CultureInfo.InvariantCulture)}", "dev", NodeNetwork.NodeInterface);
        await Ip(cancellationToken, "link", "set", NodeNetwork.NodeInterface, "up");
        await Ip(cancellationToken, "link", "set", NodeNetwork.PeerInterface, "up");

        if (!File.Exists(files.IpForwardBefore))
        {
            await File.WriteAllTextAsync(files.IpForwardBefore, (await File.ReadAllTextAsync(IpForward, cancellationToken)).Trim(), cancellationToken);
        }

        await File.WriteAllTextAsync(IpForward, "1", cancellationToken);
    }

    /// <summary>Deletes the veth pair and the pods' bridge, and puts IPv4 forwarding back as it was.</summary>
    public static async Task TearDownAsync(NodeFiles files, TextWriter log)
    {
        foreach (var name in (string[])[NodeNetwork.NodeInterface, NodeNetwork.Bridge])
        {
            if (InterfaceExists(name))
            {
                await Ip(CancellationToken.None, "link", "del", name);
                await log.WriteLineAsync($"netm devcluster: deleted interface {name}");
            }
        }

        if (File.Exists(files.IpForwardBefore))
        {
            await File.WriteAllTextAsync(IpForward, await File.ReadAllTextAsync(files.IpForwardBefore));
        }
    }

    private static bool InterfaceExists(string name) => Directory.Exists($"/sys/class/net/{name}");

    private static Task<string> Ip(CancellationToken cancellationToken, params string[] arguments) => HostCommand.RunAsync("ip", arguments, cancellationToken);
}
