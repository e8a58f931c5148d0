namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// The images the node's pods run, imported into containerd's k8s.io namespace (where the CRI looks), since nothing can
/// be pulled: the sandbox's pause image and a busybox for workloads, as docker-archive tars.
/// </summary>
internal sealed class NodeImages(string directory)
{
    /// <summary>Imports every image archive of the directory into the containerd at <paramref name="socket"/>.</summary>
    /// <exception cref="DevClusterException">There are none, or an import failed.</exception>
    public async Task ImportAsync(string socket, TextWriter log, CancellationToken cancellationToken)
    {
        var archives = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.tar").Order(StringComparer.Ordinal).ToList() : [];
        if (archives.Count == 0)
        {
            throw new DevClusterException($"no image archives in {directory}: the node cannot start a pod without its pause image.");
        }

        foreach (var archive in archives)
        {
            await HostCommand.RunAsync("ctr", ["--address", socket, "--namespace", "k8s.io", "images", "import", archive], cancellationToken);
            await log.WriteLineAsync($"netm devcluster: imported {Path.GetFileName(archive)}");
        }
    }
}
