using System.Globalization;

namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// The kubelet 1.20 of the one node, on containerd's CRI socket, with the cgroupfs driver (kubepods cgroups under the
/// host's hierarchies) and its root directory under the state directory. It is healthy once its node is Ready.
/// </summary>
/// <remarks>
/// It talks to the apiserver as the admin, and serves its API on the node's address to anyone (no authentication, no
/// authorization): the address is reachable from this machine only, and a dev cluster has no other users.
/// </remarks>
internal sealed class KubeletComponent(KubeBinaries binaries, NodeImages images) : ClusterComponent
{
    /// <inheritdoc/>
    public override string Name => "kubelet";

    /// <inheritdoc/>
    public override string Binary => binaries.Kubernetes(Name);

    /// <inheritdoc/>
    public override bool IsBuiltFromSource => true;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Arguments(ControlPlane plane)
    {
        var files = new NodeFiles(plane.Files);
        return
        [
            $"--config={files.KubeletConfig}",
            $"--kubeconfig={files.Kubeconfig}",
            $"--root-dir={files.KubeletRoot}",
            $"--cert-dir={files.KubeletCertificates}",
            "--container-runtime=remote",
            $"--container-runtime-endpoint=unix://{files.ContainerdSocket}",
            $"--node-ip={NodeNetwork.NodeAddress}",
            $"--hostname-override={NodeNetwork.NodeName}",
        ];
    }

    /// <inheritdoc/>
    public override IReadOnlyList<ComponentPort> Ports(ControlPlanePorts ports) => [new(NodePorts.KubeletHealth, NodePorts.Fixed)];

    /// <inheritdoc/>
    public override string Endpoint(ControlPlane plane) => $"https://{NodeNetwork.NodeAddress}:{NodePorts.Kubelet} (node {NodeNetwork.NodeName})";

    /// <inheritdoc/>
    /// <remarks>The node's Ready condition, through the apiserver: the kubelet's own /healthz answers before the pod network is there.</remarks>
    public override HealthProbe CreateProbe(ControlPlane plane) =>
        new(ApiServerComponent.AdminClient(plane), new Uri(plane.ApiServer, $"/api/v1/nodes/{NodeNetwork.NodeName}"), "\"type\":\"Ready\",\"status\":\"True\"");

    /// <inheritdoc/>
    /// <remarks>The images go in first: the kubelet's first pod needs the sandbox image, which nothing can pull here.</remarks>
    public override async Task PrepareAsync(ControlPlane plane, TextWriter log, CancellationToken cancellationToken)
    {
        var files = new NodeFiles(plane.Files);
        await images.ImportAsync(files.ContainerdSocket, log, cancellationToken);
        Directory.CreateDirectory(files.KubeletRoot);
        await File.WriteAllTextAsync(files.KubeletConfig, Config(files), cancellationToken);
        Directory.CreateDirectory(files.StaticPods);
        Directory.CreateDirectory(files.DnsHosts);
        await File.WriteAllTextAsync(Path.Combine(files.StaticPods, $"{ClusterDnsPod.Name}.yaml"), ClusterDnsPod.Manifest(files), cancellationToken);
    }

    // evictionHard must not be empty or zero (1.20 rejects that), but must not evict on a busy developer disk either.
    // Image garbage collection is off: the imported images cannot be pulled again.
    private static string Config(NodeFiles files) =>
        $"""
        # Written by netm devcluster up.
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        cgroupDriver: cgroupfs
        failSwapOn: false
        address: {NodeNetwork.NodeAddress}
        port: {NodePorts.Kubelet.ToString(CultureInfo.InvariantCulture)}
        readOnlyPort: 0
        healthzBindAddress: {ControlPlane.Address}
        healthzPort: {NodePorts.KubeletHealth.ToString(CultureInfo.InvariantCulture)}
        authentication:
          anonymous:
            enabled: true
          webhook:
            enabled: false
        authorization:
          mode: AlwaysAllow
        staticPodPath: {files.StaticPods}
        clusterDNS:
        - {NodeNetwork.ClusterDnsAddress}
        clusterDomain: {NodeNetwork.ClusterDomain}
        evictionHard:
          memory.available: 1Mi
          nodefs.available: 1%
          nodefs.inodesFree: 1%
          imagefs.available: 1%
        imageGCHighThresholdPercent: 100
        imageGCLowThresholdPercent: 99
        serializeImagePulls: false
        maxPods: 110

        """;
}
