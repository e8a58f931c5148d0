using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Testing.Kubernetes;

/// <summary>
/// Where the programs of <see cref="KubeApiServer"/> are: kube-apiserver as scripts/kube-apiserver.sh builds it from
/// Debian's kubernetes source package into <c>.cache/kube/&lt;source version&gt;/bin</c> under the repository (the
/// link <c>.cache/kube/current</c> names the version), and Debian's etcd, which the script installs too.
/// </summary>
internal static class KubeBinaries
{
    private const string BuildHint =
        "run scripts/kube-apiserver.sh (as root, or with sudo: it installs Debian packages), which builds kube-apiserver from " +
        "Debian's kubernetes source package (about 10 minutes, once) and installs etcd-server";

    /// <summary>The kube-apiserver binary.</summary>
    /// <exception cref="InvalidOperationException">It is not built.</exception>
    public static string ApiServer() =>
        Existing(Path.Combine(RepositoryPaths.Root, ".cache", "kube", "current", "bin", "kube-apiserver"), "kube-apiserver is not built");

    /// <summary>Debian's etcd 3.4 server.</summary>
    /// <exception cref="InvalidOperationException">etcd-server is not installed.</exception>
    public static string Etcd() => Existing("/usr/bin/etcd", "etcd is not installed");

    private static string Existing(string path, string problem) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"{problem} (no {path}): {BuildHint}.");
}
