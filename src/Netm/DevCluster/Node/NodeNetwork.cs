namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// The addresses and interface names of the dev cluster's one node. They are machine-wide (interfaces, iptables chains
/// and the kubelet's cgroups live in the host's namespaces), so one node runs per machine; <see cref="NodeOwner"/>
/// enforces that.
/// </summary>
internal static class NodeNetwork
{
    /// <summary>The node's name in the API.</summary>
    public const string NodeName = "netm-dev-node";

    /// <summary>
    /// The interface that holds the node's address: one end of a veth pair, because the node IP must not be loopback and
    /// the kernels this runs on may lack dummy interfaces.
    /// </summary>
    public const string NodeInterface = "netm-node";

    /// <summary>The other end of the pair; it only needs to be up.</summary>
    public const string PeerInterface = "netm-node-peer";

    /// <summary>The node's InternalIP: the kubelet and the apiserver (so that pods reach it) listen on it.</summary>
    public const string NodeAddress = "10.213.0.1";

    /// <summary>The prefix length of <see cref="NodeAddress"/> on <see cref="NodeInterface"/>.</summary>
    public const int NodePrefixLength = 30;

    /// <summary>The bridge the CNI bridge plugin creates for the pods.</summary>
    public const string Bridge = "netm-cni0";

    /// <summary>The CNI network's name (it names the CNI-* iptables chains' comments and the IPAM store).</summary>
    public const string CniNetwork = "netm-pods";

    /// <summary>The pods' addresses; the bridge takes the first.</summary>
    public const string PodCidr = "10.244.0.0/24";

    /// <summary>The Services' cluster IPs (the apiserver's <c>--service-cluster-ip-range</c>).</summary>
    public const string ServiceCidr = "10.0.0.0/24";

    /// <summary>The cluster DNS's Service address, the pods' nameserver.</summary>
    public const string ClusterDnsAddress = "10.0.0.10";

    /// <summary>The DNS domain of Services.</summary>
    public const string ClusterDomain = "cluster.local";
}
