using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Admission;
using NetworkMachinery.Operator.Admission.Certificates;
using NetworkMachinery.Operator.Runtime.Health;
using NetworkMachinery.Operator.Tests.Examples;
using NetworkMachinery.Testing.Naming;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Operator.Tests.Admission;

/// <summary>
/// --webhook-cert-dir: the webhook serves HTTPS with the directory's pair, laid out as the kubelet mounts a Secret
/// (files that link through <c>..data</c> to a timestamped directory), and serves the new pair once the kubelet-style
/// swap of <c>..data</c> replaces it; a directory without the pair is refused with its reason.
/// </summary>
public sealed class CertificateDirectoryTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _directory = Directory.CreateTempSubdirectory($"{UniqueId.Prefix}-certs-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Check_DirectoryWithoutThePair_SaysWhatIsMissing()
    {
        File.WriteAllText(Path.Combine(_directory, "tls.crt"), "not a certificate");

        var missing = Assert.Throws<WebhookCertificateException>(() => CertificateDirectorySource.Check(Path.Combine(_directory, "absent")));
        var unreadable = Assert.Throws<WebhookCertificateException>(() => CertificateDirectorySource.Check(_directory));

        Assert.Contains("has no tls.crt and no tls.key: it must hold tls.crt and tls.key", missing.Message, StringComparison.Ordinal);
        Assert.Contains("has no tls.key", unreadable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_ServesTheDirectorysCertificateOverHttps_AndTheNextOneAfterTheSecretIsUpdated()
    {
        var now = DateTimeOffset.UtcNow;
        var first = WebhookTlsBundle.Create(["127.0.0.1"], now);
        var second = WebhookTlsBundle.Create(["127.0.0.1"], now);
        await MountAsync(first, "..2026_01_01_00_00_00.1");
        var port = FreePorts.Tcp();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(Prometheus.Metrics.NewCustomRegistry());
        builder.AddAdmissionWebhook(new IPEndPoint(IPAddress.Loopback, port), new WebhookOptions { CertificateDirectory = _directory });
        await using var app = builder.Build();
        app.MapAdmissionWebhook();
        await app.StartAsync();

        var trusted = new X509Certificate2Collection();
        trusted.AddRange(first.Authorities);
        trusted.AddRange(second.Authorities);
        string? served = null;
        using var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.Zero, // a new handshake for every request, so each sees the current certificate
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    served = (certificate as X509Certificate2)?.Thumbprint;
                    return errors == SslPolicyErrors.None || (errors == SslPolicyErrors.RemoteCertificateChainErrors
                        && CertificateIssuer.IsSignedBy((X509Certificate2)certificate!, trusted, DateTimeOffset.UtcNow));
                },
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{port}") };
        var review = WebhookServer.Review("CREATE", ResourceYaml.ConnectivityTest("layer: \"4\"\ndestinations:\n- {kind: ip, ip: 10.0.0.1}"));

        async Task<HttpResponseMessage> PostAsync()
        {
            using var content = new StringContent(review, Encoding.UTF8, "application/json");
            return await http.PostAsync(new Uri("/validate", UriKind.Relative), content);
        }

        using (var response = await PostAsync())
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"allowed\":false", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(first.Serving.Thumbprint, served);
        var readiness = app.Services.GetServices<IReadinessCheck>().Single().Check();
        Assert.True(readiness.Ready, readiness.Report);
        Assert.Contains("serving CN=127.0.0.1 from", readiness.Report, StringComparison.Ordinal);

        await MountAsync(second, "..2026_01_02_00_00_00.2");

        Assert.True(
            await Poll.UntilAsync(() => { using var response = PostAsync().Result; return served == second.Serving.Thumbprint; }, Timeout),
            $"still serving {served}");
        await app.StopAsync();
    }

    // The kubelet's atomic writer: the pair in a new timestamped directory, then ..data switched to it by a rename
    // (mv -T: .NET's File.Move follows a link to a directory and refuses it).
    private async Task MountAsync(WebhookTlsBundle bundle, string version)
    {
        var target = Directory.CreateDirectory(Path.Combine(_directory, version)).FullName;
        foreach (var (key, bytes) in bundle.ToSecretData())
        {
            File.WriteAllBytes(Path.Combine(target, key), bytes);
        }

        var staging = Path.Combine(_directory, "..data_tmp");
        File.CreateSymbolicLink(staging, version);
        await ProcessRunner.RunAsync("mv", ["-T", staging, Path.Combine(_directory, "..data")]);
        foreach (var key in bundle.ToSecretData().Keys.Where(key => !File.Exists(Path.Combine(_directory, key))))
        {
            File.CreateSymbolicLink(Path.Combine(_directory, key), Path.Combine("..data", key));
        }
    }
}
