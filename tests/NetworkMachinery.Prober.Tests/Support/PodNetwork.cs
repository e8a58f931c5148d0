using System.Net;
using NetworkMachinery.Testing.Netns;

namespace NetworkMachinery.Prober.Tests.Support;

/// <summary>
/// A node's pod network in miniature: a bridge in a namespace of its own (the "node"), and pods as namespaces, each
/// with a veth onto the bridge and an IPv4 (10.77.0.0/24) and IPv6 (fd77::/64) address. Everything lives in namespaces
/// the test created, so the addresses never meet the host's. Disposing deletes the namespaces and with them the veths
/// and the bridge.
/// </summary>
internal sealed class PodNetwork : IAsyncDisposable
{
    private readonly NetworkNamespace _node;

    private PodNetwork(NetworkNamespace node, IReadOnlyList<Pod> pods)
    {
        _node = node;
        Pods = pods;
    }

    /// <summary>The pods, in order; pod <c>i</c> has addresses 10.77.0.(i+2) and fd77::(i+2).</summary>
    public IReadOnlyList<Pod> Pods { get; }

    /// <summary>Creates the bridge and <paramref name="count"/> pods on it.</summary>
    public static async Task<PodNetwork> CreateAsync(int count)
    {
        var node = await NetworkNamespace.CreateAsync();
        var pods = new List<Pod>();
        var network = new PodNetwork(node, pods);
        try
        {
            await node.IpAsync(["link", "add", "br0", "type", "bridge"]);
            await node.SetLinkUpAsync("br0");
            for (var i = 0; i < count; i++)
            {
                var ns = await NetworkNamespace.CreateAsync();
                var pod = new Pod(ns, IPAddress.Parse($"10.77.0.{i + 2}"), IPAddress.Parse($"fd77::{i + 2}"));
                pods.Add(pod);
                var port = $"veth{i}";
                await ns.CreateVethPairAsync("eth0", node, port);
                await node.IpAsync(["link", "set", port, "master", "br0"]);
                await node.SetLinkUpAsync(port);
                await ns.AddAddressAsync("eth0", pod.V4, 24);
                await ns.AddAddressAsync("eth0", pod.V6, 64);
                await ns.SetLinkUpAsync("eth0");

                // Several tests make the same pod send ICMP errors to the same peer in quick succession: the kernel's
                // per-peer rate limit would turn some of them into silence.
                await ns.ExecAsync("sysctl", ["-q", "-w", "net.ipv4.icmp_ratelimit=0", "net.ipv6.icmp.ratelimit=0"]);
            }

            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>Deletes the pods and the node namespace.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var pod in Pods)
        {
            await pod.Namespace.DisposeAsync();
        }

        await _node.DisposeAsync();
    }
}
