using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Operator.Admission;
using NetworkMachinery.Operator.Admission.Certificates;
using NetworkMachinery.Operator.Tests.ApiServer;
using NetworkMachinery.Testing.Kubernetes;

namespace NetworkMachinery.Operator.Tests.Admission;

/// <summary>
/// The self-managed Secret against the real apiserver: replicas starting together end up with one Secret and serve the
/// same certificate; a due certificate is renewed from the same authority; without RBAC on secrets the error names
/// the permission.
/// </summary>
[Collection(ApiServerTests.Collection)]
public sealed class WebhookSecretIntegrationTests(KubeApiServerFixture fixture)
{
    [Fact]
    public async Task TwoReplicasAtOnce_CreateOneSecret_AndServeTheSameCertificate()
    {
        using var client = fixture.Server.CreateClient();
        await using var ns = await TestNamespace.CreateAsync(client);
        var options = new WebhookOptions { Namespace = ns.Name, Hosts = ["127.0.0.1"] };
        using var otherClient = fixture.Server.CreateClient();

        var bundles = await Task.WhenAll(
            Secret(client, options, TimeProvider.System).EnsureAsync(default),
            Secret(otherClient, options, TimeProvider.System).EnsureAsync(default));
        var again = await Secret(client, options, TimeProvider.System).EnsureAsync(default);

        Assert.Equal(bundles[0].Serving.Thumbprint, bundles[1].Serving.Thumbprint);
        Assert.Equal(bundles[0].Serving.Thumbprint, again.Serving.Thumbprint);
        var stored = await client.CoreV1.ReadNamespacedSecretAsync(options.SecretName, ns.Name);
        Assert.Equal("kubernetes.io/tls", stored.Type);
        Assert.Equal(["ca.crt", "ca.key", "tls.crt", "tls.key"], stored.Data.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(bundles[0].CaBundle, stored.Data["ca.crt"]);
        Assert.Equal(
            new HashSet<string> { "networkmachinery-webhook", $"networkmachinery-webhook.{ns.Name}", $"networkmachinery-webhook.{ns.Name}.svc", $"networkmachinery-webhook.{ns.Name}.svc.cluster.local", "127.0.0.1" },
            CertificateIssuer.AlternativeNames(again.Serving));
    }

    [Fact]
    public async Task DueCertificate_IsRenewedInTheSecret_FromTheSameAuthority()
    {
        using var client = fixture.Server.CreateClient();
        await using var ns = await TestNamespace.CreateAsync(client);
        var options = new WebhookOptions { Namespace = ns.Name };
        var old = await Secret(client, options, new ShiftedTime(TimeSpan.FromDays(-300))).EnsureAsync(default);

        var renewed = await Secret(client, options, TimeProvider.System).EnsureAsync(default);

        Assert.NotEqual(old.Serving.Thumbprint, renewed.Serving.Thumbprint);
        Assert.Equal(old.Authority!.Thumbprint, renewed.Authority!.Thumbprint);
        var stored = WebhookTlsBundle.TryRead((await client.CoreV1.ReadNamespacedSecretAsync(options.SecretName, ns.Name)).Data, out _)!;
        Assert.Equal(renewed.Serving.Thumbprint, stored.Serving.Thumbprint);
        Assert.True(renewed.Serving.NotAfter.ToUniversalTime() > DateTime.UtcNow.AddDays(360));
    }

    [Fact]
    public async Task WithoutRbacOnSecrets_TheErrorNamesThePermission()
    {
        using var admin = fixture.Server.CreateClient();
        await using var ns = await TestNamespace.CreateAsync(admin);
        using var nobody = new k8s.Kubernetes(fixture.Server.ClientConfiguration(), new Impersonate("nobody"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Secret(nobody, new WebhookOptions { Namespace = ns.Name }, TimeProvider.System).EnsureAsync(default));

        Assert.Equal(
            $"cannot get Secret {ns.Name}/networkmachinery-webhook-tls: forbidden; the operator's service account needs get, create and update on secrets in namespace {ns.Name} (it lacks get)",
            error.Message);
    }

    private static WebhookSecret Secret(IKubernetes client, WebhookOptions options, TimeProvider time) =>
        new(client, options, time, NullLogger<WebhookSecret>.Instance);

    private sealed class ShiftedTime(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }

    // The admin (system:masters) may act as any user; this one has no roles.
    private sealed class Impersonate(string user) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("Impersonate-User", user);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
