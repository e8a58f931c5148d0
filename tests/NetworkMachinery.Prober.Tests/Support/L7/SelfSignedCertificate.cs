using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NetworkMachinery.Prober.Tests.Support.L7;

/// <summary>A self-signed server certificate for a name and an address, written as PEM files for a server to load.</summary>
internal static class SelfSignedCertificate
{
    public static (string Certificate, string Key) Write(TempDirectory directory, string dnsName, IPAddress address)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        names.AddIpAddress(address);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return (directory.Write("server.crt", certificate.ExportCertificatePem()), directory.Write("server.key", key.ExportPkcs8PrivateKeyPem()));
    }
}
