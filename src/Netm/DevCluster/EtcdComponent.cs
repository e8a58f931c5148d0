namespace NetworkMachinery.Netm.DevCluster;

/// <summary>Debian's etcd 3.4 as a single member on loopback: the store of every object.</summary>
internal sealed class EtcdComponent : ClusterComponent
{
    /// <inheritdoc/>
    public override string Name => "etcd";

    /// <inheritdoc/>
    public override string Binary => KubeBinaries.Etcd;

    /// <inheritdoc/>
    public override bool IsBuiltFromSource => false;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Arguments(ControlPlane plane) =>
    [
        "--name=default",
        $"--data-dir={plane.Files.EtcdData}",
        $"--listen-client-urls={plane.EtcdClientUrl}",
        $"--advertise-client-urls={plane.EtcdClientUrl}",
        $"--listen-peer-urls={plane.EtcdPeerUrl}",
        $"--initial-advertise-peer-urls={plane.EtcdPeerUrl}",
        $"--initial-cluster=default={plane.EtcdPeerUrl}",
        "--logger=zap",
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<ComponentPort> Ports(ControlPlanePorts ports) =>
        [new(ports.Etcd, "--etcd-port"), new(ports.EtcdPeer, "--etcd-peer-port")];

    /// <inheritdoc/>
    public override string Endpoint(ControlPlane plane) => plane.EtcdClientUrl;

    /// <inheritdoc/>
    public override HealthProbe CreateProbe(ControlPlane plane) =>
        new(new HttpClient { Timeout = HealthProbe.Timeout }, new Uri($"{plane.EtcdClientUrl}/health"), "\"health\":\"true\"");
}
