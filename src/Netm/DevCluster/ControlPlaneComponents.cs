using NetworkMachinery.Netm.DevCluster.Deploy;
using NetworkMachinery.Netm.DevCluster.Node;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary>The components of the dev cluster, in the order they start: each needs the ones before it.</summary>
internal static class ControlPlaneComponents
{
    /// <summary>etcd, then kube-apiserver, with the Kubernetes binaries of <paramref name="binaries"/>.</summary>
    public static IReadOnlyList<ClusterComponent> Create(KubeBinaries binaries) => [new EtcdComponent(), new ApiServerComponent(binaries)];

    /// <summary>
    /// The control plane and one node: containerd, the controller manager and scheduler, the kubelet (after the
    /// <paramref name="images"/> are imported), kube-proxy, and the cluster DNS (a static pod, its Service and the records of the Services); then,
    /// with <paramref name="kafka"/>, ZooKeeper and the Kafka broker that <c>deploy --kafka</c> added.
    /// </summary>
    public static IReadOnlyList<ClusterComponent> WithNode(KubeBinaries binaries, NodeImages images, NodeKafka? kafka) =>
    [
        new EtcdComponent(),
        new ApiServerComponent(binaries, withNode: true),
        new ContainerdComponent(),
        new ControllerManagerComponent(binaries),
        new SchedulerComponent(binaries),
        new KubeletComponent(binaries, images),
        new KubeProxyComponent(binaries),
        new ClusterDnsComponent(),
        .. Kafka(kafka),
    ];

    /// <summary>ZooKeeper, then the broker of <paramref name="kafka"/>; none without.</summary>
    public static IReadOnlyList<ClusterComponent> Kafka(NodeKafka? kafka) =>
        kafka is null ? [] : [new ZooKeeperComponent(kafka), new KafkaComponent(kafka)];
}
