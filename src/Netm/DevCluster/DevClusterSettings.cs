using System.Text.Json;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// What <c>netm devcluster up</c> chose for a state directory, so that later commands (status, a restart after a
/// reboot) find the same cluster without the options repeated.
/// </summary>
/// <param name="Ports">The loopback ports.</param>
/// <param name="Node">True when the cluster has a node (containerd, kubelet, kube-proxy...); false for the control plane alone.</param>
/// <param name="Kafka">True once <c>deploy --kafka</c> started a Kafka on the node, which then starts and stops with the cluster.</param>
internal sealed record DevClusterSettings(ControlPlanePorts Ports, bool Node = false, bool Kafka = false)
{
    /// <summary>The settings in <paramref name="path"/>, or null when there are none.</summary>
    public static DevClusterSettings? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), DevClusterJson.Default.DevClusterSettings) : null;

    /// <summary>Writes the settings to <paramref name="path"/>.</summary>
    public Task WriteAsync(string path, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, DevClusterJson.Default.DevClusterSettings), cancellationToken);
}
