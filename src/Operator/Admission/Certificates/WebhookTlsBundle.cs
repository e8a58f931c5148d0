using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace NetworkMachinery.Operator.Admission.Certificates;

/// <summary>
/// The webhook's TLS material as its Secret holds it: the serving certificate and key (<c>tls.crt</c>, <c>tls.key</c>),
/// the certificate authorities clients trust (<c>ca.crt</c>: the current one first, then older ones until they expire,
/// so that replicas still serving an older certificate stay trusted during a rotation) and the current authority's key
/// (<c>ca.key</c>, to sign the next serving certificate).
/// </summary>
internal sealed class WebhookTlsBundle
{
    public const string CertificateKey = "tls.crt";
    public const string PrivateKeyKey = "tls.key";
    public const string AuthoritiesKey = "ca.crt";
    public const string AuthorityPrivateKeyKey = "ca.key";

    /// <summary>A serving certificate is renewed when less than this is left of it: a third of its year.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(120);

    /// <summary>
    /// The authority is replaced when less than this is left of it, long before any certificate it signed could outlive it.
    /// </summary>
    public static readonly TimeSpan AuthorityRenewBefore = TimeSpan.FromDays(730);

    private const string AuthorityName = "networkmachinery-webhook-ca";

    private WebhookTlsBundle(X509Certificate2 serving, X509Certificate2Collection authorities, X509Certificate2? authority)
    {
        Serving = serving;
        Authorities = authorities;
        Authority = authority;
    }

    /// <summary>The serving certificate, with its private key.</summary>
    public X509Certificate2 Serving { get; }

    /// <summary>Every authority in <c>ca.crt</c>, the current one first.</summary>
    public X509Certificate2Collection Authorities { get; }

    /// <summary>The current authority with its private key; null when the Secret has no <c>ca.key</c> (made by another tool).</summary>
    public X509Certificate2? Authority { get; }

    /// <summary>The PEM of <see cref="Authorities"/>: what a webhook configuration's <c>caBundle</c> holds.</summary>
    public byte[] CaBundle => Encoding.ASCII.GetBytes(string.Concat(Authorities.Select(authority => authority.ExportCertificatePem() + "\n")));

    /// <summary>A new authority and a serving certificate for <paramref name="names"/>.</summary>
    public static WebhookTlsBundle Create(IReadOnlyList<string> names, DateTimeOffset now)
    {
        var authority = CertificateIssuer.CreateAuthority(AuthorityName, now);
        return new WebhookTlsBundle(CertificateIssuer.IssueServing(authority, names, now), [authority], authority);
    }

    /// <summary>Reads the Secret's data; null with the reason when a key is missing or does not hold what it should.</summary>
    public static WebhookTlsBundle? TryRead(IDictionary<string, byte[]>? data, out string problem)
    {
        problem = string.Empty;
        data ??= new Dictionary<string, byte[]>();
        var missing = new[] { CertificateKey, PrivateKeyKey, AuthoritiesKey }.Where(key => !data.ContainsKey(key)).ToArray();
        if (missing.Length > 0)
        {
            problem = $"it has no {string.Join(" or ", missing)}";
            return null;
        }

        try
        {
            var serving = X509Certificate2.CreateFromPem(Text(data[CertificateKey]), Text(data[PrivateKeyKey]));
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPem(Text(data[AuthoritiesKey]));
            if (authorities.Count == 0)
            {
                problem = $"its {AuthoritiesKey} holds no certificate";
                return null;
            }

            // Only an ECDSA authority of our own making signs the next certificate; any other gets replaced at renewal.
            var authority = data.TryGetValue(AuthorityPrivateKeyKey, out var key)
                ? X509Certificate2.CreateFromPem(authorities[0].ExportCertificatePem(), Text(key))
                : null;
            if (authority?.GetECDsaPublicKey() is null)
            {
                authority = null;
            }
            return new WebhookTlsBundle(serving, authorities, authority);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            problem = $"its certificates or keys cannot be read: {e.Message}";
            return null;
        }
    }

    /// <summary>Why the serving certificate should be renewed now, or null while it serves well.</summary>
    /// <param name="names">The names the webhook must be reachable by.</param>
    /// <param name="now">The current time.</param>
    public string? RenewalReason(IReadOnlyCollection<string> names, DateTimeOffset now)
    {
        var uncovered = names.Except(CertificateIssuer.AlternativeNames(Serving), StringComparer.OrdinalIgnoreCase).ToArray();
        return true switch
        {
            _ when Serving.NotAfter.ToUniversalTime() - now.UtcDateTime < RenewBefore => $"it expires on {Serving.NotAfter.ToUniversalTime():yyyy-MM-dd}",
            _ when uncovered.Length > 0 => $"it is not valid for {string.Join(", ", uncovered)}",
            _ when !CertificateIssuer.IsSignedBy(Serving, Authorities, now) => $"it is not signed by the authority in {AuthoritiesKey}",
            _ when Authority is not null && Authority.NotAfter.ToUniversalTime() - now.UtcDateTime < AuthorityRenewBefore =>
                $"its authority expires on {Authority.NotAfter.ToUniversalTime():yyyy-MM-dd}",
            _ => null,
        };
    }

    /// <summary>
    /// A new serving certificate for <paramref name="names"/> and those the current one has (so that replicas asked for
    /// different names settle rather than take turns), from the current authority while it has long to live, else from a
    /// new one that goes first in <c>ca.crt</c> beside those not yet expired.
    /// </summary>
    public WebhookTlsBundle Renew(IReadOnlyList<string> names, DateTimeOffset now)
    {
        var authority = Authority is { } current && current.NotAfter.ToUniversalTime() - now.UtcDateTime >= AuthorityRenewBefore
            ? current
            : CertificateIssuer.CreateAuthority(AuthorityName, now);
        var authorities = new X509Certificate2Collection(authority);
        authorities.AddRange(Authorities.Where(old => old.Thumbprint != authority.Thumbprint && old.NotAfter.ToUniversalTime() > now.UtcDateTime).ToArray());
        var allNames = names.Union(CertificateIssuer.AlternativeNames(Serving), StringComparer.OrdinalIgnoreCase).ToArray();
        return new WebhookTlsBundle(CertificateIssuer.IssueServing(authority, allNames, now), authorities, authority);
    }

    /// <summary>The Secret's data for this bundle.</summary>
    public Dictionary<string, byte[]> ToSecretData()
    {
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [CertificateKey] = Encoding.ASCII.GetBytes(Serving.ExportCertificatePem() + "\n"),
            [PrivateKeyKey] = Encoding.ASCII.GetBytes(PrivateKeyPem(Serving)),
            [AuthoritiesKey] = CaBundle,
        };
        if (Authority is not null)
        {
            data[AuthorityPrivateKeyKey] = Encoding.ASCII.GetBytes(PrivateKeyPem(Authority));
        }

        return data;
    }

    private static string PrivateKeyPem(X509Certificate2 certificate)
    {
        using var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException($"{certificate.Subject} has no ECDSA private key.");
        return key.ExportPkcs8PrivateKeyPem() + "\n";
    }

    private static string Text(byte[] bytes) => Encoding.ASCII.GetString(bytes);
}
