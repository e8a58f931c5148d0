using NetworkMachinery.Netm.DevCluster.Deploy;
using NetworkMachinery.Netm.DevCluster.Node;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// The dev cluster of one state directory: its components run as detached daemons, recorded in the directory, so that
/// each <c>netm devcluster</c> command finds them again. Every operation is idempotent.
/// </summary>
/// <param name="files">The state directory's layout.</param>
/// <param name="binaries">Where the binaries are and the script that provides them.</param>
/// <param name="images">The images a node imports.</param>
/// <param name="stateOption">The <c>--state-dir</c> option that names this state directory, or empty for the default; messages that say what to run include it.</param>
/// <param name="log">Progress and hints for the user (netm's stderr).</param>
internal sealed partial class LocalCluster(
    ControlPlaneFiles files, KubeBinaries binaries, NodeImages images, string stateOption, TextWriter log)
{
    // The name of the cluster and context in the kubeconfig; the tests' fixture calls its own networkmachinery-test.
    private const string KubeconfigName = "networkmachinery-dev";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);
    private const int LogTailLines = 30;

    private bool HasSettings => File.Exists(files.Settings);

    private string NothingUp => $"no dev cluster is up in {files.Directory}: start one with `{Command("up")}`";

    private string Command(string verb) => $"./netm devcluster {verb}{stateOption}";

    /// <summary>The components of a cluster with these settings, in start order.</summary>
    private IReadOnlyList<ClusterComponent> Components(DevClusterSettings settings) =>
        settings.Node
            ? ControlPlaneComponents.WithNode(binaries, images, settings.Kafka ? Kafka : null)
            : ControlPlaneComponents.Create(binaries);

    /// <summary>The Kafka that <c>deploy --kafka</c> runs on the node.</summary>
    private NodeKafka Kafka => new(binaries.CheckoutRoot, files);

    /// <summary>The components of the cluster the state directory records (none recorded: the control plane).</summary>
    private IReadOnlyList<ClusterComponent> RecordedComponents() =>
        DevClusterSettings.Read(files.Settings) is { } settings ? Components(settings) : ControlPlaneComponents.Create(binaries);

    private static ControlPlane Plane(ControlPlaneFiles files, DevClusterSettings settings, string token) =>
        new(files, settings.Ports, token, settings.Node ? NodeNetwork.NodeAddress : ControlPlane.Address);

    private ProcessRecord? Record(ClusterComponent component) => ProcessRecord.Read(files.ProcessRecord(component.Name));

    /// <summary>
    /// Refuses a directory that holds something other than a dev cluster: netm deletes it on <c>down</c>, so it must
    /// never take over a directory it did not create.
    /// </summary>
    private void RefuseForeignDirectory()
    {
        if (!HasSettings && Directory.Exists(files.Directory) && Directory.EnumerateFileSystemEntries(files.Directory).Any())
        {
            throw new DevClusterException(
                $"{files.Directory} is not a dev cluster's state directory (it has no {Path.GetFileName(files.Settings)}) and is not empty: " +
                "netm uses and deletes only directories it created; choose another with --state-dir.");
        }
    }

    private string Tail(ClusterComponent component)
    {
        var logFile = files.LogFile(component.Name);
        var lines = File.Exists(logFile) ? File.ReadLines(logFile).TakeLast(LogTailLines).ToList() : [];
        return lines.Count == 0 ? $"{logFile} is empty." : $"Last lines of {logFile}:\n{string.Join('\n', lines)}";
    }
}
