using System.Text;
using NetworkMachinery.Operator.Admission.Certificates;

namespace NetworkMachinery.Operator.Tests.Admission;

/// <summary>The Secret's TLS material: what it holds, when the serving certificate is renewed, and how a renewal keeps or rotates the authority.</summary>
public sealed class WebhookTlsBundleTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Names = ["hook", "hook.ns", "hook.ns.svc", "hook.ns.svc.cluster.local", "127.0.0.1"];

    [Fact]
    public void SecretData_HasTheFourKeys_AndReadsBackToTheSameCertificates()
    {
        var bundle = WebhookTlsBundle.Create(Names, Now);

        var data = bundle.ToSecretData();
        var read = WebhookTlsBundle.TryRead(data, out var problem);

        Assert.Equal(["ca.crt", "ca.key", "tls.crt", "tls.key"], data.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", Encoding.ASCII.GetString(data["tls.crt"]), StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", Encoding.ASCII.GetString(data["tls.key"]), StringComparison.Ordinal);
        Assert.NotNull(read);
        Assert.Equal(string.Empty, problem);
        Assert.Equal(bundle.Serving.Thumbprint, read.Serving.Thumbprint);
        Assert.True(read.Serving.HasPrivateKey);
        Assert.Equal(bundle.Authority!.Thumbprint, read.Authority!.Thumbprint);
        Assert.True(read.Authority.HasPrivateKey);
        Assert.Equal(bundle.CaBundle, read.CaBundle);
    }

    [Fact]
    public void TryRead_MissingKeys_SaysWhich()
    {
        var data = WebhookTlsBundle.Create(Names, Now).ToSecretData();
        data.Remove("tls.key");
        data.Remove("ca.crt");

        Assert.Null(WebhookTlsBundle.TryRead(data, out var problem));
        Assert.Equal("it has no tls.key or ca.crt", problem);
    }

    [Fact]
    public void TryRead_WithoutCaKey_ServesButCannotSignTheNext()
    {
        var data = WebhookTlsBundle.Create(Names, Now).ToSecretData();
        data.Remove("ca.key");

        var read = WebhookTlsBundle.TryRead(data, out _);

        Assert.NotNull(read);
        Assert.Null(read.Authority);
        Assert.Null(read.RenewalReason(Names, Now));
    }

    [Fact]
    public void RenewalReason_FreshCertificate_None()
    {
        Assert.Null(WebhookTlsBundle.Create(Names, Now).RenewalReason(Names, Now));
    }

    [Fact]
    public void RenewalReason_LessThan120DaysLeft_RenewsWellBeforeExpiry()
    {
        var bundle = WebhookTlsBundle.Create(Names, Now);

        // 365 days of validity: due once 245 have passed, not a day before.
        Assert.Null(bundle.RenewalReason(Names, Now.AddDays(244)));
        Assert.StartsWith("it expires on ", bundle.RenewalReason(Names, Now.AddDays(246)), StringComparison.Ordinal);
    }

    [Fact]
    public void RenewalReason_ANameItDoesNotCover_NamesIt()
    {
        var bundle = WebhookTlsBundle.Create(Names, Now);

        Assert.Equal("it is not valid for 10.1.2.3", bundle.RenewalReason([.. Names, "10.1.2.3"], Now));
        Assert.Null(bundle.RenewalReason(Names[..2], Now));
    }

    [Fact]
    public void RenewalReason_ServingCertificateOfAnotherAuthority_Renews()
    {
        var data = WebhookTlsBundle.Create(Names, Now).ToSecretData();
        var other = WebhookTlsBundle.Create(Names, Now).ToSecretData();
        data["ca.crt"] = other["ca.crt"];
        data["ca.key"] = other["ca.key"];

        var read = WebhookTlsBundle.TryRead(data, out _)!;

        Assert.Equal("it is not signed by the authority in ca.crt", read.RenewalReason(Names, Now));
    }

    [Fact]
    public void Renew_KeepsALongLivedAuthority_AndTheNamesItHad()
    {
        var bundle = WebhookTlsBundle.Create(Names, Now);
        var later = Now.AddDays(250);

        var renewed = bundle.Renew(["hook", "10.9.9.9"], later);

        Assert.Equal(bundle.Authority!.Thumbprint, renewed.Authority!.Thumbprint);
        Assert.Single(renewed.Authorities);
        Assert.NotEqual(bundle.Serving.Thumbprint, renewed.Serving.Thumbprint);
        Assert.Equal(later.UtcDateTime.AddDays(365), renewed.Serving.NotAfter.ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(new HashSet<string>([.. Names, "10.9.9.9"]), CertificateIssuer.AlternativeNames(renewed.Serving));
        Assert.Null(renewed.RenewalReason(Names, later));
    }

    [Fact]
    public void Renew_AuthorityWithLessThanTwoYearsLeft_IsReplaced_TheOldStaysTrustedBesideIt()
    {
        var late = Now.AddDays(3650 - 700);

        // Renewed 100 days earlier, the serving certificate is fresh but its authority has 700 days left.
        var previous = WebhookTlsBundle.Create(Names, Now).Renew(Names, late.AddDays(-100));
        Assert.StartsWith("its authority expires on", previous.RenewalReason(Names, late), StringComparison.Ordinal);
        var renewed = previous.Renew(Names, late);

        Assert.NotEqual(previous.Authority!.Thumbprint, renewed.Authority!.Thumbprint);
        Assert.Equal([renewed.Authority.Thumbprint, previous.Authority.Thumbprint], renewed.Authorities.Select(authority => authority.Thumbprint));
        Assert.True(CertificateIssuer.IsSignedBy(previous.Serving, renewed.Authorities, late)); // a replica still serving it stays trusted
        Assert.True(CertificateIssuer.IsSignedBy(renewed.Serving, renewed.Authorities, late));
        Assert.False(CertificateIssuer.IsSignedBy(renewed.Serving, previous.Authorities, late));
        Assert.Null(renewed.RenewalReason(Names, late));
    }
}
