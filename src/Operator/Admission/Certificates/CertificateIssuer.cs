using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NetworkMachinery.Operator.Admission.Certificates;

/// <summary>
/// Makes the webhook's own certificate authority and the serving certificates it signs: ECDSA P-256 keys, SHA-256
/// signatures, and the extensions the API server's Go TLS client checks (subject alternative names, not the common
/// name; serverAuth; a CA that may sign but not be a leaf).
/// </summary>
internal static class CertificateIssuer
{
    /// <summary>How long a new certificate authority is valid.</summary>
    public static readonly TimeSpan AuthorityValidity = TimeSpan.FromDays(3650);

    /// <summary>How long a new serving certificate is valid (never past its authority).</summary>
    public static readonly TimeSpan ServingValidity = TimeSpan.FromDays(365);

    // Certificates start a little in the past, so that a peer whose clock is behind accepts them at once.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>A new self-signed certificate authority, with its private key.</summary>
    public static X509Certificate2 CreateAuthority(string name, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + name), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(now - ClockSkew, now + AuthorityValidity);
    }

    /// <summary>A new serving certificate for <paramref name="names"/> (DNS names or IP addresses) signed by <paramref name="authority"/>, with its private key.</summary>
    /// <param name="authority">The certificate authority, with its private key.</param>
    /// <param name="names">The names clients reach the webhook by; the first is also the common name.</param>
    /// <param name="now">The time of issue.</param>
    public static X509Certificate2 IssueServing(X509Certificate2 authority, IReadOnlyList<string> names, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfZero(names.Count);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + names[0]), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication)], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var alternativeNames = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name, out var address))
            {
                alternativeNames.AddIpAddress(address);
            }
            else
            {
                alternativeNames.AddDnsName(name);
            }
        }

        request.CertificateExtensions.Add(alternativeNames.Build(critical: false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f; // a positive serial number, as RFC 5280 asks
        var notAfter = Min(now + ServingValidity, authority.NotAfter);
        using var certificate = request.Create(authority, now - ClockSkew, notAfter, serial);
        return certificate.CopyWithPrivateKey(key);
    }

    /// <summary>The DNS names and IP addresses <paramref name="certificate"/> is valid for.</summary>
    public static IReadOnlySet<string> AlternativeNames(X509Certificate2 certificate)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var extension in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
        {
            names.UnionWith(extension.EnumerateDnsNames());
            names.UnionWith(extension.EnumerateIPAddresses().Select(address => address.ToString()));
        }

        return names;
    }

    /// <summary>Whether <paramref name="certificate"/> chains to one of <paramref name="authorities"/> (and to nothing else) at <paramref name="now"/>.</summary>
    public static bool IsSignedBy(X509Certificate2 certificate, X509Certificate2Collection authorities, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain.Build(certificate);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTime b) => a.UtcDateTime < b.ToUniversalTime() ? a : new DateTimeOffset(b.ToUniversalTime());
}
