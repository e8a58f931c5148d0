using System.Globalization;

namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// kube-controller-manager 1.20: creates the default ServiceAccounts and their tokens, Endpoints, ReplicaSets' pods,
/// garbage collection. Node IPAM is off: the CNI configuration hands out the pod addresses.
/// </summary>
internal sealed class ControllerManagerComponent(KubeBinaries binaries) : ClusterComponent
{
    /// <inheritdoc/>
    public override string Name => "kube-controller-manager";

    /// <inheritdoc/>
    public override string Binary => binaries.Kubernetes(Name);

    /// <inheritdoc/>
    public override bool IsBuiltFromSource => true;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Arguments(ControlPlane plane) =>
    [
        $"--kubeconfig={plane.Files.Kubeconfig}",
        $"--service-account-private-key-file={plane.Files.ServiceAccountKey}",
        // The CA the pods' service-account tokens come with: the one that signed the apiserver's serving certificate.
        $"--root-ca-file={plane.Files.ServingCertificate}",
        "--controllers=*,-nodeipam",
        "--use-service-account-credentials=false",
        "--leader-elect=false",
        $"--address={ControlPlane.Address}",
        $"--port={NodePorts.ControllerManager.ToString(CultureInfo.InvariantCulture)}",
        "--secure-port=0",
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<ComponentPort> Ports(ControlPlanePorts ports) => [new(NodePorts.ControllerManager, NodePorts.Fixed)];

    /// <inheritdoc/>
    public override string Endpoint(ControlPlane plane) => HealthUrl.ToString();

    /// <inheritdoc/>
    public override HealthProbe CreateProbe(ControlPlane plane) => new(new HttpClient { Timeout = HealthProbe.Timeout }, HealthUrl, "ok");

    private static Uri HealthUrl => new($"http://{ControlPlane.Address}:{NodePorts.ControllerManager}/healthz");
}
