using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// Trusts the serving certificate that kube-apiserver generated into its certificate directory, and nothing else: the
/// readiness probe checks the server it started, as a client with the kubeconfig would.
/// </summary>
internal static class ApiServerCertificate
{
    /// <summary>An HTTP handler whose TLS trusts only the CA in <paramref name="bundle"/> (read at each handshake: the apiserver writes it on its first start).</summary>
    public static HttpClientHandler Handler(string bundle) => new()
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            certificate is not null && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0 && IsIssuedBy(bundle, certificate),
    };

    private static bool IsIssuedBy(string bundle, X509Certificate2 certificate)
    {
        if (!File.Exists(bundle))
        {
            return false;
        }

        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(bundle);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var trusted = chain.Build(certificate);
        foreach (var authority in authorities)
        {
            authority.Dispose();
        }

        return trusted;
    }
}
