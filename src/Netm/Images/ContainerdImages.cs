namespace NetworkMachinery.Netm.Images;

/// <summary>
/// Imports image archives into a containerd through <c>ctr images import</c>; the namespace <c>k8s.io</c> is the one
/// the CRI plugin (and so the kubelet) sees, where pods with <c>imagePullPolicy: Never</c> or <c>IfNotPresent</c> find them.
/// </summary>
internal sealed class ContainerdImages
{
    /// <summary>The namespace of the CRI plugin.</summary>
    public const string KubernetesNamespace = "k8s.io";

    private const string InstallHint = "run scripts/install-deps.sh as root (it installs Debian's containerd, which ships ctr)";

    private readonly string _address;
    private readonly string _containerdNamespace;

    /// <summary>Creates an importer for the containerd listening on the unix socket <paramref name="address"/>.</summary>
    public ContainerdImages(string address, string containerdNamespace = KubernetesNamespace)
    {
        _address = address;
        _containerdNamespace = containerdNamespace;
    }

    /// <summary>Imports (and unpacks) the image's docker archive; its references become the image names.</summary>
    /// <exception cref="ImageException">ctr is missing or the import failed (containerd not running, no access to the socket).</exception>
    public Task ImportAsync(BuiltImage image, CancellationToken cancellationToken) =>
        HostTool.RunAsync("ctr", [.. Ctr("images", "import", image.DockerArchive)], InstallHint, cancellationToken);

    /// <summary>The names of the images in the namespace.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var output = await HostTool.RunAsync("ctr", [.. Ctr("images", "list", "--quiet")], InstallHint, cancellationToken);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private IEnumerable<string> Ctr(params string[] arguments) =>
        new[] { "--address", _address, "--namespace", _containerdNamespace }.Concat(arguments);
}
