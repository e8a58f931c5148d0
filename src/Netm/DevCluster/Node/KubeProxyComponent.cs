namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// kube-proxy 1.20 in iptables mode (the kernels this runs on may lack IPVS): Services' cluster IPs and node ports
/// become KUBE-* chains in the host's nat table.
/// </summary>
internal sealed class KubeProxyComponent(KubeBinaries binaries) : ClusterComponent
{
    /// <inheritdoc/>
    public override string Name => "kube-proxy";

    /// <inheritdoc/>
    public override string Binary => binaries.Kubernetes(Name);

    /// <inheritdoc/>
    public override bool IsBuiltFromSource => true;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Arguments(ControlPlane plane) => [$"--config={new NodeFiles(plane.Files).KubeProxyConfig}"];

    /// <inheritdoc/>
    public override IReadOnlyList<ComponentPort> Ports(ControlPlanePorts ports) =>
        [new(NodePorts.KubeProxyHealth, NodePorts.Fixed), new(NodePorts.KubeProxyMetrics, NodePorts.Fixed)];

    /// <inheritdoc/>
    public override string Endpoint(ControlPlane plane) => HealthUrl.ToString();

    /// <inheritdoc/>
    /// <remarks>It answers 200 once it has written the rules of the Services it knows.</remarks>
    public override HealthProbe CreateProbe(ControlPlane plane) => new(new HttpClient { Timeout = HealthProbe.Timeout }, HealthUrl, "lastUpdated");

    /// <inheritdoc/>
    public override Task PrepareAsync(ControlPlane plane, TextWriter log, CancellationToken cancellationToken)
    {
        var files = new NodeFiles(plane.Files);

        // conntrack: zeros leave the host's conntrack sysctls alone (a container or VM may not allow writing them).
        return File.WriteAllTextAsync(
            files.KubeProxyConfig,
            $"""
            # Written by netm devcluster up.
            apiVersion: kubeproxy.config.k8s.io/v1alpha1
            kind: KubeProxyConfiguration
            mode: iptables
            clusterCIDR: {NodeNetwork.PodCidr}
            hostnameOverride: {NodeNetwork.NodeName}
            bindAddress: {NodeNetwork.NodeAddress}
            healthzBindAddress: {ControlPlane.Address}:{NodePorts.KubeProxyHealth}
            metricsBindAddress: {ControlPlane.Address}:{NodePorts.KubeProxyMetrics}
            clientConnection:
              kubeconfig: {files.Kubeconfig}
            conntrack:
              maxPerCore: 0
              min: 0
              tcpEstablishedTimeout: 0s
              tcpCloseWaitTimeout: 0s
            iptables:
              minSyncPeriod: 0s
              syncPeriod: 30s

            """,
            cancellationToken);
    }

    private static Uri HealthUrl => new($"http://{ControlPlane.Address}:{NodePorts.KubeProxyHealth}/healthz");
}
