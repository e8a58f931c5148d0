using System.Globalization;

namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>kube-scheduler 1.20: binds the pods to the one node.</summary>
internal sealed class SchedulerComponent(KubeBinaries binaries) : ClusterComponent
{
    /// <inheritdoc/>
    public override string Name => "kube-scheduler";

    /// <inheritdoc/>
    public override string Binary => binaries.Kubernetes(Name);

    /// <inheritdoc/>
    public override bool IsBuiltFromSource => true;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Arguments(ControlPlane plane) =>
    [
        $"--kubeconfig={plane.Files.Kubeconfig}",
        "--leader-elect=false",
        $"--address={ControlPlane.Address}",
        $"--port={NodePorts.Scheduler.ToString(CultureInfo.InvariantCulture)}",
        "--secure-port=0",
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<ComponentPort> Ports(ControlPlanePorts ports) => [new(NodePorts.Scheduler, NodePorts.Fixed)];

    /// <inheritdoc/>
    public override string Endpoint(ControlPlane plane) => HealthUrl.ToString();

    /// <inheritdoc/>
    public override HealthProbe CreateProbe(ControlPlane plane) => new(new HttpClient { Timeout = HealthProbe.Timeout }, HealthUrl, "ok");

    private static Uri HealthUrl => new($"http://{ControlPlane.Address}:{NodePorts.Scheduler}/healthz");
}
