using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NetworkMachinery.Operator.Admission.Certificates;

/// <summary>
/// Self-managed webhook certificates: an authority and a serving certificate in a Secret that every replica shares,
/// created by whichever replica comes first, renewed by whichever sees it due first, and the authority set as the
/// <c>caBundle</c> of the ValidatingWebhookConfiguration. Each replica serves what the Secret holds.
/// </summary>
internal sealed class SecretCertificateManager : BackgroundService, IServingCertificateSource
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    private readonly WebhookSecret _secret;
    private readonly WebhookOptions _options;
    private readonly CaBundleInjector _injector;
    private readonly ILogger _logger;
    private volatile X509Certificate2? _current;
    private volatile string _state = "no certificate yet: reading the Secret";

    public SecretCertificateManager(WebhookSecret secret, WebhookOptions options, CaBundleInjector injector, ILogger<SecretCertificateManager> logger)
    {
        _secret = secret;
        _options = options;
        _injector = injector;
        _logger = logger;
    }

    /// <inheritdoc/>
    public X509Certificate2? Current => _current;

    /// <inheritdoc/>
    public string State => _state;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = _options.RecheckInterval;
            try
            {
                var bundle = await _secret.EnsureAsync(stoppingToken);
                Serve(bundle);
                await _injector.EnsureAsync(bundle.CaBundle, stoppingToken);
                retry = FirstRetry;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var problem = e is InvalidOperationException ? e.Message : $"{_secret.Name}: {e.Message}";
                _state = _current is null ? "no certificate: " + problem : $"serving {_current.Subject}, but {problem}";
                CertificateLog.Failed(_logger, problem, retry, e);
                wait = retry;
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, _options.RecheckInterval.Ticks));
            }

            try
            {
                await _injector.WaitForChangeAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Serve(WebhookTlsBundle bundle)
    {
        var serving = bundle.Serving;
        if (_current?.Thumbprint != serving.Thumbprint)
        {
            _current = serving;
            CertificateLog.Serving(_logger, serving.Subject, serving.Thumbprint, _options.Namespace, _options.SecretName, serving.NotAfter.ToUniversalTime());
        }

        _state = $"serving {serving.Subject} from {_secret.Name}, valid until {serving.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC";
    }
}
