namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// The layout of a control plane's directory: the dev cluster's state directory, and the temporary directory of the
/// tests' apiserver fixture. Everything etcd and the apiserver read or write lives under it.
/// </summary>
/// <remarks>
/// Components added later (a controller manager, a kubelet) get their log and process record by name, and their own
/// files next to these; <see cref="EtcdData"/> is the one thing <c>netm devcluster down --keep-data</c> keeps.
/// </remarks>
internal sealed class ControlPlaneFiles(string directory)
{
    /// <summary>The directory itself, an absolute path.</summary>
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>
    /// The dev cluster's recorded settings (its ports). Its presence marks the directory as a dev cluster's: netm
    /// deletes no directory without it.
    /// </summary>
    public string Settings => Path.Combine(Directory, "devcluster.json");

    /// <summary>etcd's data directory; it outlives restarts of etcd and the apiserver.</summary>
    public string EtcdData => Path.Combine(Directory, "etcd");

    /// <summary>
    /// The apiserver's <c>--cert-dir</c>. Without a serving certificate of its own it generates one into this directory,
    /// signed by a CA it generates too, and reuses both when it starts again.
    /// </summary>
    public string CertificateDirectory => Path.Combine(Directory, "pki");

    /// <summary>The generated serving certificate, followed by the CA certificate that signed it.</summary>
    public string ServingCertificate => Path.Combine(CertificateDirectory, "apiserver.crt");

    /// <summary>The private key that signs service-account tokens.</summary>
    public string ServiceAccountKey => Path.Combine(Directory, "service-account.key");

    /// <summary>The public key that verifies service-account tokens.</summary>
    public string ServiceAccountPublicKey => Path.Combine(Directory, "service-account.pub");

    /// <summary>The static token file (<c>--token-auth-file</c>) holding the admin's token.</summary>
    public string TokenFile => Path.Combine(Directory, "tokens.csv");

    /// <summary>The kubeconfig for the admin user, written once the apiserver has generated its certificate.</summary>
    public string Kubeconfig => Path.Combine(Directory, "kubeconfig");

    /// <summary>The directory of the components' logs.</summary>
    public string LogDirectory => Path.Combine(Directory, "logs");

    /// <summary>The directory of the records of the running processes.</summary>
    public string RunDirectory => Path.Combine(Directory, "run");

    /// <summary>
    /// What <c>netm devcluster down --keep-data</c> keeps: etcd's data, the service-account key pair whose signatures the
    /// stored objects may hold, and the settings (which mark the directory as a dev cluster's).
    /// </summary>
    public IReadOnlyList<string> Data => [Settings, EtcdData, ServiceAccountKey, ServiceAccountPublicKey];

    /// <summary>What a detached component prints (stdout and stderr), appended across restarts.</summary>
    public string LogFile(string component) => Path.Combine(LogDirectory, $"{component}.log");

    /// <summary>The PID and command line of a detached component's process.</summary>
    public string ProcessRecord(string component) => Path.Combine(RunDirectory, $"{component}.json");
}
