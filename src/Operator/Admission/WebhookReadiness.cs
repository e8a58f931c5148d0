using Microsoft.Extensions.Hosting;
using NetworkMachinery.Operator.Admission.Certificates;
using NetworkMachinery.Operator.Runtime.Health;

namespace NetworkMachinery.Operator.Admission;

/// <summary>
/// The webhook is ready once the server listens and a certificate is loaded: until then the API server's calls would
/// fail their TLS handshake, and with failurePolicy Fail every write of the four kinds with them.
/// </summary>
internal sealed class WebhookReadiness : IReadinessCheck
{
    private readonly IServingCertificateSource _certificates;
    private readonly IHostApplicationLifetime _lifetime;

    public WebhookReadiness(IServingCertificateSource certificates, IHostApplicationLifetime lifetime)
    {
        _certificates = certificates;
        _lifetime = lifetime;
    }

    public (bool Ready, string Report) Check()
    {
        if (_certificates.Current is null)
        {
            return (false, "webhook: not serving: " + _certificates.State);
        }

        return _lifetime.ApplicationStarted.IsCancellationRequested
            ? (true, "webhook: " + _certificates.State)
            : (false, "webhook: the server is starting");
    }
}
