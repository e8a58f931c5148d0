using NetworkMachinery.Netm.DevCluster.Node;

namespace NetworkMachinery.Netm.DevCluster.Deploy;

/// <summary>ZooKeeper 3.4.6 for the node's Kafka (see <see cref="NodeKafka"/>), on the node's address.</summary>
internal sealed class ZooKeeperComponent(NodeKafka kafka) : ClusterComponent
{
    /// <inheritdoc/>
    public override string Name => "zookeeper";

    /// <inheritdoc/>
    public override string Binary => NodeKafka.Java;

    /// <inheritdoc/>
    public override bool IsBuiltFromSource => false;

    private string Configuration => Path.Combine(kafka.Directory, "zookeeper.properties");

    /// <inheritdoc/>
    public override IReadOnlyList<string> Arguments(ControlPlane plane) =>
        kafka.JavaArguments("-Xmx128m -Xms128m", "org.apache.zookeeper.server.quorum.QuorumPeerMain", Configuration);

    /// <inheritdoc/>
    public override IReadOnlyList<ComponentPort> Ports(ControlPlanePorts ports) => [];

    /// <inheritdoc/>
    public override string Endpoint(ControlPlane plane) => NodeKafka.ZooKeeperConnect;

    /// <inheritdoc/>
    public override HealthProbe CreateProbe(ControlPlane plane) =>
        new(new Uri($"tcp://{NodeKafka.ZooKeeperConnect}"), cancellationToken =>
            KafkaServerConfig.ZooKeeperAnswersAsync(NodeNetwork.NodeAddress, NodeKafka.ZooKeeperPort, HealthProbe.Timeout, cancellationToken));

    /// <inheritdoc/>
    public override async Task PrepareAsync(ControlPlane plane, TextWriter log, CancellationToken cancellationToken)
    {
        await kafka.PrepareAsync(cancellationToken);
        await File.WriteAllTextAsync(
            Configuration,
            KafkaServerConfig.ZooKeeperProperties(Path.Combine(kafka.Directory, "zookeeper"), NodeNetwork.NodeAddress, NodeKafka.ZooKeeperPort),
            cancellationToken);
    }

}
