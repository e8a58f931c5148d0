using System.Globalization;

namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// The cluster DNS: Debian's dnsmasq on the node's address, port 53, which the kubelet gives the pods as their
/// nameserver. It answers the Services' names from the hosts files that <see cref="ServiceRecordsComponent"/> keeps
/// current (dnsmasq reads them again on every change) and forwards every other name to the host's resolvers.
/// </summary>
internal sealed class ClusterDnsComponent : ClusterComponent
{
    private const int Port = 53;

    /// <inheritdoc/>
    public override string Name => "cluster-dns";

    /// <inheritdoc/>
    public override string Binary => "/usr/sbin/dnsmasq";

    /// <inheritdoc/>
    public override bool IsBuiltFromSource => false;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Arguments(ControlPlane plane) =>
    [
        "--keep-in-foreground",
        "--log-facility=-",
        "--pid-file=",
        // The hosts files live in the state directory, which only root may read.
        "--user=root",
        "--bind-interfaces",
        $"--listen-address={NodeNetwork.NodeAddress}",
        $"--port={Port.ToString(CultureInfo.InvariantCulture)}",
        "--no-hosts",
        $"--hostsdir={new NodeFiles(plane.Files).DnsHosts}",
        // Names of the cluster domain that are not Services do not exist; they are not asked upstream.
        $"--local=/{NodeNetwork.ClusterDomain}/",
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<ComponentPort> Ports(ControlPlanePorts ports) => [];

    /// <inheritdoc/>
    public override string Endpoint(ControlPlane plane) => $"{NodeNetwork.NodeAddress}:{Port} (udp)";

    /// <inheritdoc/>
    public override HealthProbe CreateProbe(ControlPlane plane) =>
        new(new Uri($"dns://{NodeNetwork.NodeAddress}:{Port}"), cancellationToken => DnsQuery.AnswersAsync(NodeNetwork.NodeAddress, Port, cancellationToken));

    /// <inheritdoc/>
    public override Task PrepareAsync(ControlPlane plane, TextWriter log, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(new NodeFiles(plane.Files).DnsHosts);
        return Task.CompletedTask;
    }
}
