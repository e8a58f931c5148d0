namespace NetworkMachinery.Netm.DevCluster;

/// <summary>The components of the dev cluster, in the order they start: each needs the ones before it.</summary>
internal static class ControlPlaneComponents
{
    /// <summary>etcd, then kube-apiserver, with the Kubernetes binaries of <paramref name="binaries"/>.</summary>
    public static IReadOnlyList<ClusterComponent> Create(KubeBinaries binaries) => [new EtcdComponent(), new ApiServerComponent(binaries)];
}
