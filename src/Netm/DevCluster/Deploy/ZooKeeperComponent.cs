using System.Net.Sockets;
using System.Text;
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
    public override HealthProbe CreateProbe(ControlPlane plane) => new(new Uri($"tcp://{NodeKafka.ZooKeeperConnect}"), AnswersAsync);

    /// <inheritdoc/>
    public override async Task PrepareAsync(ControlPlane plane, TextWriter log, CancellationToken cancellationToken)
    {
        await kafka.PrepareAsync(cancellationToken);
        await File.WriteAllTextAsync(
            Configuration,
            $"""
            dataDir={Path.Combine(kafka.Directory, "zookeeper")}
            clientPort={NodeKafka.ZooKeeperPort}
            clientPortAddress={NodeNetwork.NodeAddress}
            maxClientCnxns=0
            """,
            cancellationToken);
    }

    // The four-letter command "ruok" is answered "imok" once ZooKeeper serves clients.
    private static async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(HealthProbe.Timeout);
            using var client = new TcpClient();
            await client.ConnectAsync(NodeNetwork.NodeAddress, NodeKafka.ZooKeeperPort, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("ruok"u8.ToArray(), timeout.Token);
            var answer = new byte[4];
            var read = await stream.ReadAtLeastAsync(answer, answer.Length, throwOnEndOfStream: false, timeout.Token);
            return Encoding.ASCII.GetString(answer, 0, read) == "imok";
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
