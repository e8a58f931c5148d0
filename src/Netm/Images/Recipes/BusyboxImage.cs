namespace NetworkMachinery.Netm.Images.Recipes;

/// <summary>
/// The test workload image: Debian's busybox-static (/bin/busybox) with a symbolic link for each of its applets at the
/// path <c>busybox --list-full</c> gives (sh, ping, nc, wget, nslookup, ...).
/// </summary>
internal sealed class BusyboxImage : IImageRecipe
{
    /// <summary>The image's reference.</summary>
    public const string Reference = "localhost/networkmachinery/busybox:dev";

    private const string Busybox = "/bin/busybox";

    /// <inheritdoc />
    public string Name => "busybox";

    /// <inheritdoc />
    public IReadOnlyList<string> References { get; } = [Reference];

    /// <inheritdoc />
    public async Task<ImageContent> PrepareAsync(ImageBuildContext context, CancellationToken cancellationToken)
    {
        var applets = await HostTool.RunAsync(
            Busybox, ["--list-full"], "run scripts/install-deps.sh as root (it installs busybox-static)", cancellationToken);
        var root = BaseFiles.AddTo(new RootFilesystem()).AddHostFile(Busybox, Busybox);
        foreach (var applet in applets.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!root.Contains(applet))
            {
                root.AddSymbolicLink(applet, Busybox);
            }
        }

        return new ImageContent(root, new ImageConfig { Cmd = ["sh"] });
    }
}
