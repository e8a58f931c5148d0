namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// Where the control plane's programs are, and what puts them there: scripts/kube-apiserver.sh builds Kubernetes
/// components from Debian's kubernetes source package into <c>.cache/kube/&lt;source version&gt;/bin</c> under the
/// checkout (the link <c>.cache/kube/current</c> names the version), and installs Debian's etcd.
/// </summary>
internal sealed class KubeBinaries(string checkoutRoot)
{
    /// <summary>Debian's etcd 3.4 server (package etcd-server).</summary>
    public const string Etcd = "/usr/bin/etcd";

    /// <summary>The build script, relative to the checkout.</summary>
    public const string BuildScript = "scripts/kube-apiserver.sh";

    /// <summary>The build script's absolute path.</summary>
    public string BuildScriptPath => Path.Combine(checkoutRoot, BuildScript);

    /// <summary>The checkout the binaries are built into, whose <c>.cache</c> holds the other downloads too.</summary>
    public string CheckoutRoot => checkoutRoot;

    /// <summary>The binary of a Kubernetes component (e.g. <c>kube-apiserver</c>) as the build script leaves it.</summary>
    public string Kubernetes(string component) => Path.Combine(checkoutRoot, ".cache", "kube", "current", "bin", component);

    /// <summary>
    /// The command that provides <paramref name="missing"/>, and what it does: the script installs etcd-server along
    /// with its build tools, and builds the components named as its arguments.
    /// </summary>
    public static string Hint(IEnumerable<ClusterComponent> missing)
    {
        var built = missing.Where(component => component.IsBuiltFromSource).Select(component => component.Name).ToList();
        var command = string.Join(' ', built.Prepend(BuildScript));
        var what = built.Count == 0
            ? "installs Debian's etcd-server (and builds kube-apiserver, about 10 minutes the first time)"
            : $"builds {string.Join(", ", built)} from Debian's kubernetes source package (about 10 minutes, once) and installs etcd-server";
        return $"run {command} (as root, or with sudo: it installs Debian packages), which {what}";
    }

    /// <summary>The binary of <paramref name="component"/>.</summary>
    /// <exception cref="DevClusterException">It is not there; the message names the command that provides it.</exception>
    public static string Require(ClusterComponent component) =>
        File.Exists(component.Binary)
            ? component.Binary
            : throw new DevClusterException($"{Missing(component)}: {Hint([component])}.");

    /// <summary>What is missing, e.g. <c>etcd is not installed (no /usr/bin/etcd)</c>.</summary>
    public static string Missing(ClusterComponent component) =>
        $"{component.Name} is not {(component.IsBuiltFromSource ? "built" : "installed")} (no {component.Binary})";
}
