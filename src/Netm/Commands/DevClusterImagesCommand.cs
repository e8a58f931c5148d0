using System.CommandLine;
using NetworkMachinery.Netm.DevCluster;
using NetworkMachinery.Netm.Images;

namespace NetworkMachinery.Netm.Commands;

/// <summary>
/// <c>netm devcluster images [--import SOCKET] [--output DIR]</c>: builds the dev cluster's images (pause, busybox,
/// dnsmasq, netm) into <c>.cache/images</c>, copies them out and imports them into a containerd. See docs/images.md.
/// </summary>
internal static class DevClusterImagesCommand
{
    private const string CacheDirectory = ".cache/images";

    public static Command Create()
    {
        var import = new Option<string?>("--import")
        {
            Description = $"Import the images into the containerd listening on this unix socket (namespace {ContainerdImages.KubernetesNamespace}) with ctr.",
            HelpName = "SOCKET",
        };
        var output = new Option<string?>("--output")
        {
            Description = "Also copy each image there: NAME.tar (docker archive) and NAME/ (OCI image layout).",
            HelpName = "DIR",
        };
        var only = new Option<string[]>("--only")
        {
            Description = $"Build only these images (of: {string.Join(", ", ImageRecipes.Names)}).",
            HelpName = "NAME",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command(
            "images",
            "Build the container images (pause, busybox, dnsmasq, netm) without Docker or a registry; print the docker archives' paths.")
        {
            import,
            output,
            only,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(import), parse.GetValue(output), parse.GetValue(only) ?? [], cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? import, string? output, string[] only, CancellationToken cancellationToken)
    {
        try
        {
            var root = Checkout.Root ?? throw new ImageException(
                $"netm runs outside a checkout of the repository ({AppContext.BaseDirectory}); the images are built from one: run ./netm from the checkout.");
            var recipes = Select(ImageRecipes.Create(root), only);
            var builder = new ImageBuilder(root, Path.Combine(root, CacheDirectory), Console.Error);
            var containerd = import is null ? null : new ContainerdImages(import);
            foreach (var recipe in recipes)
            {
                var image = await builder.BuildAsync(recipe, cancellationToken);
                var archive = image.DockerArchive;
                if (output is not null)
                {
                    archive = ImageExport.CopyTo(image, output);
                }

                if (containerd is not null)
                {
                    await containerd.ImportAsync(image, cancellationToken);
                    await Console.Error.WriteLineAsync($"netm images: {recipe.Name,-8} imported into {import} ({ContainerdImages.KubernetesNamespace})");
                }

                await Console.Out.WriteLineAsync(archive);
            }

            return 0;
        }
        catch (Exception e) when (e is ImageException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"netm devcluster images: {e.Message}");
            return 1;
        }
    }

    private static List<IImageRecipe> Select(IReadOnlyList<IImageRecipe> all, string[] only)
    {
        var unknown = only.Where(name => !ImageRecipes.Names.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new ImageException(
                $"no image named {string.Join(", ", unknown)}; the images are {string.Join(", ", ImageRecipes.Names)}.");
        }

        return [.. all.Where(recipe => only.Length == 0 || only.Contains(recipe.Name))];
    }
}
