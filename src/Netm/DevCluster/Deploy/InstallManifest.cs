using System.Text;
using NetworkMachinery.Netm.DevCluster.Node;

namespace NetworkMachinery.Netm.DevCluster.Deploy;

/// <summary>
/// What <c>netm devcluster deploy</c> applies: deploy/install.yaml as it is, or, with the node's Kafka, the same chart
/// rendered by the same script (scripts/install-manifest.sh) with the Kafka values added, which also brings the prober.
/// </summary>
internal static class InstallManifest
{
    /// <summary>The namespace install.yaml installs into.</summary>
    public const string Namespace = "networkmachinery";

    /// <summary>The workloads to wait for, as <c>kubectl rollout status</c> names them.</summary>
    public static IReadOnlyList<string> Workloads(bool withKafka) =>
    [
        "deployment/networkmachinery-operator",
        "daemonset/networkmachinery-collector",
        .. withKafka ? (string[])["daemonset/networkmachinery-prober"] : [],
    ];

    /// <summary>Writes the manifest to apply into <paramref name="path"/>.</summary>
    /// <exception cref="DevClusterException">The chart did not render; the message holds the script's error.</exception>
    public static async Task WriteAsync(string checkoutRoot, bool withKafka, string path, CancellationToken cancellationToken)
    {
        if (!withKafka)
        {
            File.Copy(Path.Combine(checkoutRoot, "deploy", "install.yaml"), path, overwrite: true);
            return;
        }

        var values = Path.ChangeExtension(path, ".values.yaml");
        await File.WriteAllTextAsync(values, KafkaValues(), cancellationToken);
        var manifest = await HostCommand.RunAsync(Path.Combine(checkoutRoot, "scripts", "install-manifest.sh"), ["--values", values], cancellationToken);
        await File.WriteAllTextAsync(path, manifest, cancellationToken);
    }

    private static string KafkaValues()
    {
        var values = new StringBuilder()
            .AppendLine("# Added by netm devcluster deploy --kafka: the node's Kafka 0.9.")
            .AppendLine("kafka:")
            .AppendLine($"  brokers: \"{NodeKafka.BootstrapServers}\"")
            .AppendLine("  config:");
        foreach (var (key, value) in KafkaServerConfig.ClientProperties)
        {
            values.AppendLine($"    {key}: \"{value}\"");
        }

        return values.ToString();
    }
}
