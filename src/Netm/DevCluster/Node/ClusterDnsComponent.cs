namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// The cluster DNS: dnsmasq from the project's image as a static pod of the kubelet (<see cref="ClusterDnsPod"/>),
/// behind the Service kube-system/kube-dns on <see cref="NodeNetwork.ClusterDnsAddress"/>, the pods' nameserver. The
/// component is netm itself, detached (<c>netm devcluster cluster-dns</c>): it keeps the Service there and the pod's
/// hosts file in step with the Services (<see cref="ServiceRecords"/>). Healthy once the DNS answers on the Service's
/// address, which takes the pod, its endpoint and kube-proxy's rules.
/// </summary>
internal sealed class ClusterDnsComponent : ClusterComponent
{
    /// <summary>The hidden subcommand of <c>netm devcluster</c> that runs it.</summary>
    public const string Command = "cluster-dns";

    private const int Port = 53;

    /// <inheritdoc/>
    public override string Name => Command;

    /// <inheritdoc/>
    /// <remarks>The program that runs this netm: dotnet (with netm.dll as its first argument), or netm's own executable.</remarks>
    public override string Binary => Environment.ProcessPath ?? "dotnet";

    /// <inheritdoc/>
    public override bool IsBuiltFromSource => false;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Arguments(ControlPlane plane)
    {
        IReadOnlyList<string> netm = Path.GetFileNameWithoutExtension(Binary) == "dotnet" ? [Path.Combine(AppContext.BaseDirectory, "netm.dll")] : [];
        return [.. netm, "devcluster", Command, "--state-dir", plane.Files.Directory];
    }

    /// <inheritdoc/>
    public override IReadOnlyList<ComponentPort> Ports(ControlPlanePorts ports) => [];

    /// <inheritdoc/>
    public override string Endpoint(ControlPlane plane) => $"{NodeNetwork.ClusterDnsAddress}:{Port} (udp; pod kube-system/{ClusterDnsPod.Name})";

    /// <inheritdoc/>
    public override HealthProbe CreateProbe(ControlPlane plane) =>
        new(new Uri($"dns://{NodeNetwork.ClusterDnsAddress}:{Port}"), cancellationToken => DnsQuery.AnswersAsync(NodeNetwork.ClusterDnsAddress, Port, cancellationToken));
}
