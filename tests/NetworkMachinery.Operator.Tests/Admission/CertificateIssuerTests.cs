using System.Security.Cryptography.X509Certificates;
using NetworkMachinery.Operator.Admission.Certificates;

namespace NetworkMachinery.Operator.Tests.Admission;

/// <summary>The self-managed authority and the serving certificates it signs, checked with .NET's own chain building.</summary>
public sealed class CertificateIssuerTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IssueServing_NamesEveryDnsNameAndIpAddress_ForServerAuthentication()
    {
        using var authority = CertificateIssuer.CreateAuthority("test-ca", Now);

        using var serving = CertificateIssuer.IssueServing(authority, ["hook", "hook.ns.svc", "127.0.0.1", "fd00::1"], Now);

        Assert.Equal(new HashSet<string> { "hook", "hook.ns.svc", "127.0.0.1", "fd00::1" }, CertificateIssuer.AlternativeNames(serving));
        Assert.Equal("CN=hook", serving.Subject);
        Assert.True(serving.HasPrivateKey);
        var usage = Assert.Single(serving.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Equal("1.3.6.1.5.5.7.3.1", Assert.Single(usage.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>()).Value);
        Assert.False(Assert.Single(serving.Extensions.OfType<X509BasicConstraintsExtension>()).CertificateAuthority);
    }

    [Fact]
    public void IssueServing_ChainsToItsAuthority_AndNotToAnother()
    {
        using var authority = CertificateIssuer.CreateAuthority("test-ca", Now);
        using var stranger = CertificateIssuer.CreateAuthority("test-ca", Now);
        using var serving = CertificateIssuer.IssueServing(authority, ["hook"], Now);

        Assert.True(CertificateIssuer.IsSignedBy(serving, [authority], Now));
        Assert.False(CertificateIssuer.IsSignedBy(serving, [stranger], Now));
        Assert.True(CertificateIssuer.IsSignedBy(serving, [stranger, authority], Now));
    }

    [Fact]
    public void Validity_ServingForAYear_AuthorityForTen_StartingBeforeNowForClockSkew()
    {
        using var authority = CertificateIssuer.CreateAuthority("test-ca", Now);
        using var serving = CertificateIssuer.IssueServing(authority, ["hook"], Now);

        Assert.Equal(Now.UtcDateTime.AddDays(365), serving.NotAfter.ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(Now.UtcDateTime.AddDays(3650), authority.NotAfter.ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.True(serving.NotBefore.ToUniversalTime() < Now.UtcDateTime);
        Assert.True(Assert.Single(authority.Extensions.OfType<X509BasicConstraintsExtension>()).CertificateAuthority);
    }

    [Fact]
    public void IssueServing_NeverOutlivesItsAuthority()
    {
        using var authority = CertificateIssuer.CreateAuthority("test-ca", Now);
        var late = Now.AddDays(3650 - 30);

        using var serving = CertificateIssuer.IssueServing(authority, ["hook"], late);

        Assert.Equal(authority.NotAfter, serving.NotAfter);
    }
}
