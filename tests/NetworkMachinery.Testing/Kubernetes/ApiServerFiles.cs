using System.Security.Cryptography;
using NetworkMachinery.Testing.Naming;

namespace NetworkMachinery.Testing.Kubernetes;

/// <summary>
/// The files a private kube-apiserver and its etcd run with, all in the fixture's directory: etcd's data, the
/// service-account key pair, the static token file with the admin's token, the serving certificate the apiserver
/// generates, and the kubeconfig for clients.
/// </summary>
internal sealed class ApiServerFiles(string directory)
{
    // The token authenticator's CSV: token, user name, user uid, groups. system:masters may do anything under RBAC.
    private const string AdminUser = "admin";
    private const string AdminGroup = "system:masters";
    private const int ServiceAccountKeyBits = 2048;

    /// <summary>The bearer token of the admin user, 128 random bits.</summary>
    public string AdminToken { get; } = UniqueId.Next(32);

    /// <summary>etcd's data directory; it outlives apiserver restarts.</summary>
    public string EtcdData => Path.Combine(directory, "etcd");

    /// <summary>
    /// The apiserver's <c>--cert-dir</c>. Without a serving certificate of its own it generates one into this directory,
    /// signed by a CA it generates too, and reuses both when it starts again.
    /// </summary>
    public string CertificateDirectory => Path.Combine(directory, "pki");

    /// <summary>The generated serving certificate, followed by the CA certificate that signed it.</summary>
    public string ServingCertificate => Path.Combine(CertificateDirectory, "apiserver.crt");

    /// <summary>The private key that signs service-account tokens.</summary>
    public string ServiceAccountKey => Path.Combine(directory, "service-account.key");

    /// <summary>The public key that verifies service-account tokens.</summary>
    public string ServiceAccountPublicKey => Path.Combine(directory, "service-account.pub");

    /// <summary>The static token file (<c>--token-auth-file</c>).</summary>
    public string TokenFile => Path.Combine(directory, "tokens.csv");

    /// <summary>The kubeconfig for the admin user, written once the apiserver has generated its certificate.</summary>
    public string Kubeconfig => Path.Combine(directory, "kubeconfig");

    /// <summary>Writes the service-account key pair and the token file.</summary>
    public async Task WriteCredentialsAsync(CancellationToken cancellationToken)
    {
        using var key = RSA.Create(ServiceAccountKeyBits);
        await File.WriteAllTextAsync(ServiceAccountKey, key.ExportRSAPrivateKeyPem(), cancellationToken);
        await File.WriteAllTextAsync(ServiceAccountPublicKey, key.ExportSubjectPublicKeyInfoPem(), cancellationToken);
        await File.WriteAllTextAsync(TokenFile, $"{AdminToken},{AdminUser},{AdminUser},{AdminGroup}\n", cancellationToken);
    }

    /// <summary>Writes <see cref="Kubeconfig"/>: the admin's token, and the generated CA as the one to trust for <paramref name="server"/>.</summary>
    public async Task WriteKubeconfigAsync(string server, CancellationToken cancellationToken)
    {
        var authority = Convert.ToBase64String(await File.ReadAllBytesAsync(ServingCertificate, cancellationToken));
        await File.WriteAllTextAsync(
            Kubeconfig,
            $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: networkmachinery-test
              cluster:
                server: {server}
                certificate-authority-data: {authority}
            users:
            - name: {AdminUser}
              user:
                token: {AdminToken}
            contexts:
            - name: networkmachinery-test
              context:
                cluster: networkmachinery-test
                user: {AdminUser}
            current-context: networkmachinery-test
            """,
            cancellationToken);
    }
}
