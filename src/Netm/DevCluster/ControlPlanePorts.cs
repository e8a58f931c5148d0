namespace NetworkMachinery.Netm.DevCluster;

/// <summary>The loopback TCP ports of a control plane.</summary>
/// <param name="ApiServer">The apiserver's secure port.</param>
/// <param name="Etcd">etcd's client port, which the apiserver talks to.</param>
/// <param name="EtcdPeer">etcd's peer port (a single member has no peers, but etcd listens on it all the same).</param>
internal sealed record ControlPlanePorts(int ApiServer, int Etcd, int EtcdPeer)
{
    /// <summary>The dev cluster's defaults: the apiserver on the usual 6443; etcd away from 2379 and 2380, where a system etcd (Debian's etcd-server starts one) listens.</summary>
    public static ControlPlanePorts Default { get; } = new(6443, 12379, 12380);
}
