using NetworkMachinery.Netm.DevCluster;
using NetworkMachinery.Netm.Images;

namespace NetworkMachinery.Operator.Tests.Images;

/// <summary>
/// Builds every image once (into the checkout's .cache/images, as <c>netm devcluster images</c> does: the netm image's
/// publish takes minutes cold, seconds warm) and imports them into one <see cref="PrivateContainerd"/>.
/// </summary>
public sealed class ContainerdImagesFixture : IAsyncLifetime
{
    private PrivateContainerd? _containerd;

    /// <summary>The containerd holding the images.</summary>
    internal PrivateContainerd Containerd => _containerd ?? throw new InvalidOperationException("not started");

    /// <summary>The built images by name.</summary>
    internal Dictionary<string, BuiltImage> Images { get; } = [];

    public async Task InitializeAsync()
    {
        var root = Checkout.Root ?? throw new InvalidOperationException("the tests run from a checkout");
        var builder = new ImageBuilder(root, Path.Combine(root, ".cache", "images"), TextWriter.Null);
        foreach (var recipe in ImageRecipes.Create(root))
        {
            Images[recipe.Name] = await builder.BuildAsync(recipe, CancellationToken.None);
        }

        _containerd = await PrivateContainerd.StartAsync();
        var importer = new ContainerdImages(_containerd.Address);
        foreach (var image in Images.Values)
        {
            await importer.ImportAsync(image, CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        if (_containerd is not null)
        {
            await _containerd.DisposeAsync();
        }
    }
}
