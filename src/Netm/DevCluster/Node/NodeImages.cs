using NetworkMachinery.Netm.Images;
using NetworkMachinery.Netm.Images.Recipes;

namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// The images the node needs before its first pod, built (or found in the cache, <c>.cache/images</c>) by the image
/// writer of src/Netm/Images and imported into containerd's k8s.io namespace, where the CRI looks: nothing can be
/// pulled. The pause image is the pods' sandbox, dnsmasq the cluster DNS, busybox the workload of tests and demos; <c>deploy</c> adds netm, the
/// image of every component of deploy/install.yaml.
/// </summary>
internal sealed class NodeImages(string repositoryRoot)
{
    private static readonly string[] NodeNames = ["pause", "busybox", "dnsmasq"];
    private static readonly string[] DeployNames = ["netm"];

    /// <summary>The sandbox image containerd's CRI runs for every pod.</summary>
    public const string SandboxImage = PauseImage.Reference;

    /// <summary>Builds what is not cached and imports the node's images into the containerd at <paramref name="socket"/>.</summary>
    /// <exception cref="DevClusterException">A build or an import failed; the message says why.</exception>
    public Task ImportAsync(string socket, TextWriter log, CancellationToken cancellationToken) =>
        ImportAsync(NodeNames, socket, log, cancellationToken);

    /// <summary>The same for the images of the components <c>deploy</c> installs.</summary>
    /// <exception cref="DevClusterException">A build or an import failed; the message says why.</exception>
    public Task ImportDeployedAsync(string socket, TextWriter log, CancellationToken cancellationToken) =>
        ImportAsync(DeployNames, socket, log, cancellationToken);

    private async Task ImportAsync(string[] names, string socket, TextWriter log, CancellationToken cancellationToken)
    {
        var builder = new ImageBuilder(repositoryRoot, Path.Combine(repositoryRoot, ".cache", "images"), log);
        var containerd = new ContainerdImages(socket);
        try
        {
            foreach (var recipe in ImageRecipes.Create(repositoryRoot).Where(recipe => names.Contains(recipe.Name)))
            {
                await containerd.ImportAsync(await builder.BuildAsync(recipe, cancellationToken), cancellationToken);
            }
        }
        catch (ImageException e)
        {
            throw new DevClusterException($"the node's images: {e.Message}", e);
        }
    }
}
