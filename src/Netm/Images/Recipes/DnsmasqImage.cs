namespace NetworkMachinery.Netm.Images.Recipes;

/// <summary>
/// The cluster DNS server: Debian's dnsmasq (dnsmasq-base) with its shared libraries. It runs in the foreground,
/// logs to stderr and writes no pid file; the pod's arguments add the rest (listen address, upstream, host records).
/// </summary>
internal sealed class DnsmasqImage : IImageRecipe
{
    /// <summary>The image's reference.</summary>
    public const string Reference = "localhost/networkmachinery/dnsmasq:dev";

    private const string Dnsmasq = "/usr/sbin/dnsmasq";

    /// <inheritdoc />
    public string Name => "dnsmasq";

    /// <inheritdoc />
    public IReadOnlyList<string> References { get; } = [Reference];

    /// <inheritdoc />
    public async Task<ImageContent> PrepareAsync(ImageBuildContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(Dnsmasq))
        {
            throw new ImageException($"{Dnsmasq} is not installed: run scripts/install-deps.sh as root (it installs dnsmasq-base).");
        }

        var root = BaseFiles.AddTo(new RootFilesystem()).AddHostFile(Dnsmasq, Dnsmasq);
        await SharedLibraries.AddForAsync(root, [Dnsmasq], cancellationToken);
        return new ImageContent(root, new ImageConfig
        {
            Entrypoint = [Dnsmasq, "--keep-in-foreground", "--log-facility=-", "--pid-file"],
        });
    }
}
