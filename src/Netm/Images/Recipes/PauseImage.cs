namespace NetworkMachinery.Netm.Images.Recipes;

/// <summary>
/// The pod sandbox image: one static binary (src/Netm/Images/pause/pause.c, built with gcc -static) that waits for
/// SIGTERM or SIGINT and reaps the children it inherits. containerd's <c>sandbox_image</c> names it.
/// </summary>
internal sealed class PauseImage : IImageRecipe
{
    /// <summary>The image's reference.</summary>
    public const string Reference = "localhost/networkmachinery/pause:dev";

    /// <summary>The source, relative to the checkout.</summary>
    public const string SourcePath = "src/Netm/Images/pause/pause.c";

    /// <inheritdoc />
    public string Name => "pause";

    /// <inheritdoc />
    public IReadOnlyList<string> References { get; } = [Reference];

    /// <inheritdoc />
    public async Task<ImageContent> PrepareAsync(ImageBuildContext context, CancellationToken cancellationToken)
    {
        // gcc's output is the same bytes for the same source and compiler, so a rebuild keeps the cache key.
        var binary = Path.Combine(context.WorkDirectory, "pause");
        await HostTool.RunAsync(
            "gcc",
            ["-Os", "-static", "-s", "-Wall", "-Wextra", "-Werror", "-o", binary, Path.Combine(context.RepositoryRoot, SourcePath)],
            "run scripts/install-deps.sh as root (it installs gcc and libc6-dev)",
            cancellationToken);
        var root = new RootFilesystem().AddHostFile("pause", binary);
        return new ImageContent(root, new ImageConfig { Entrypoint = ["/pause"], Env = [] });
    }
}
