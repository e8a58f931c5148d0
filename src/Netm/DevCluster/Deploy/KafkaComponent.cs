using Confluent.Kafka;

namespace NetworkMachinery.Netm.DevCluster.Deploy;

/// <summary>The node's Kafka 0.9 broker (see <see cref="NodeKafka"/>), on the node's address, where pods and the host reach it.</summary>
internal sealed class KafkaComponent(NodeKafka kafka) : ClusterComponent
{
    /// <inheritdoc/>
    public override string Name => "kafka";

    /// <inheritdoc/>
    public override string Binary => NodeKafka.Java;

    /// <inheritdoc/>
    public override bool IsBuiltFromSource => false;

    private string Configuration => Path.Combine(kafka.Directory, "server.properties");

    /// <inheritdoc/>
    public override IReadOnlyList<string> Arguments(ControlPlane plane) =>
        kafka.JavaArguments("-Xmx256m -Xms256m", "kafka.Kafka", Configuration);

    /// <inheritdoc/>
    public override IReadOnlyList<ComponentPort> Ports(ControlPlanePorts ports) => [];

    /// <inheritdoc/>
    public override string Endpoint(ControlPlane plane) => NodeKafka.BootstrapServers;

    /// <inheritdoc/>
    public override HealthProbe CreateProbe(ControlPlane plane)
    {
        var config = new AdminClientConfig(KafkaServerConfig.ClientProperties.ToDictionary()) { BootstrapServers = NodeKafka.BootstrapServers };
        var admin = new AdminClientBuilder(config).SetLogHandler((_, _) => { }).Build();
        return new HealthProbe(new Uri($"kafka://{NodeKafka.BootstrapServers}"), _ => Task.FromResult(ServesMetadata(admin)), admin);
    }

    /// <inheritdoc/>
    public override async Task PrepareAsync(ControlPlane plane, TextWriter log, CancellationToken cancellationToken)
    {
        await kafka.PrepareAsync(cancellationToken);
        await File.WriteAllTextAsync(
            Configuration,
            KafkaServerConfig.BrokerProperties(0, NodeKafka.BootstrapServers, Path.Combine(kafka.Directory, "data"), NodeKafka.ZooKeeperConnect),
            cancellationToken);
    }

    // Healthy once the broker registered itself: it then lists itself in the metadata.
    private static bool ServesMetadata(IAdminClient admin)
    {
        try
        {
            return admin.GetMetadata(HealthProbe.Timeout).Brokers.Count > 0;
        }
        catch (KafkaException)
        {
            return false;
        }
    }
}
