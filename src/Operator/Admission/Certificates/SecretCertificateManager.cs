using System.Net;
using System.Security.Cryptography.X509Certificates;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Admission.Certificates;

/// <summary>
/// Self-managed webhook certificates: an authority and a serving certificate in a Secret that every replica shares,
/// created by whichever replica comes first, renewed by whichever sees it due first, and the authority set as the
/// <c>caBundle</c> of the ValidatingWebhookConfiguration. Each replica serves what the Secret holds.
/// </summary>
internal sealed class SecretCertificateManager : BackgroundService, IServingCertificateSource
{
    // Replicas racing on the Secret lose with 409 Conflict and read the winner's; more losses in a row mean a fight.
    private const int Attempts = 5;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    private readonly IKubernetes _kubernetes;
    private readonly WebhookOptions _options;
    private readonly IReadOnlyList<string> _names;
    private readonly CaBundleInjector _injector;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile X509Certificate2? _current;
    private volatile string _state = "no certificate yet: reading the Secret";

    public SecretCertificateManager(IKubernetes kubernetes, WebhookOptions options, CaBundleInjector injector, TimeProvider time, ILogger<SecretCertificateManager> logger)
    {
        _kubernetes = kubernetes;
        _options = options;
        _names = options.ServingNames();
        _injector = injector;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc/>
    public X509Certificate2? Current => _current;

    /// <inheritdoc/>
    public string State => _state;

    private string Secret => $"Secret {_options.Namespace}/{_options.SecretName}";

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = _options.RecheckInterval;
            try
            {
                var bundle = await EnsureSecretAsync(stoppingToken);
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
                var problem = e is InvalidOperationException ? e.Message : $"{Secret}: {e.Message}";
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

    /// <summary>Reads the Secret; creates it when absent, renews it when due, and returns what it then holds.</summary>
    /// <exception cref="InvalidOperationException">The operator may not read or write it (the message names the permission).</exception>
    internal async Task<WebhookTlsBundle> EnsureSecretAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var secret = await CallAsync("get", () => ReadAsync(cancellationToken));
            var now = _time.GetUtcNow();
            try
            {
                if (secret is null)
                {
                    var created = WebhookTlsBundle.Create(_names, now);
                    await CallAsync("create", () => _kubernetes.CoreV1.CreateNamespacedSecretAsync(NewSecret(created), _options.Namespace, cancellationToken: cancellationToken));
                    CertificateLog.SecretCreated(_logger, _options.Namespace, _options.SecretName, string.Join(", ", _names));
                    return created;
                }

                var bundle = WebhookTlsBundle.TryRead(secret.Data, out var problem);
                var reason = bundle is null ? problem : bundle.RenewalReason(_names, now);
                if (reason is null)
                {
                    return bundle!;
                }

                var renewed = bundle?.Renew(_names, now) ?? WebhookTlsBundle.Create(_names, now);
                secret.Data = renewed.ToSecretData();
                await CallAsync("update", () => _kubernetes.CoreV1.ReplaceNamespacedSecretAsync(secret, _options.SecretName, _options.Namespace, cancellationToken: cancellationToken));
                CertificateLog.SecretRenewed(_logger, _options.Namespace, _options.SecretName, reason);
                return renewed;
            }
            catch (Exception e) when (ApiErrors.IsConflict(e) && attempt < Attempts)
            {
                // Another replica created or renewed it first: use theirs.
            }
        }
    }

    private async Task<V1Secret?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _kubernetes.CoreV1.ReadNamespacedSecretAsync(_options.SecretName, _options.Namespace, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
            return null;
        }
    }

    // 403 Forbidden names the permission the operator's service account lacks, which the API server's message does not.
    private async Task<T> CallAsync<T>(string verb, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (ApiErrors.StatusCode(e) is (int)HttpStatusCode.Forbidden)
        {
            throw new InvalidOperationException(
                $"cannot {verb} {Secret}: forbidden; the operator's service account needs get, create and update on secrets in namespace {_options.Namespace} (it lacks {verb})",
                e);
        }
    }

    private V1Secret NewSecret(WebhookTlsBundle bundle) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta
        {
            Name = _options.SecretName,
            NamespaceProperty = _options.Namespace,
            Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "networkmachinery", ["app.kubernetes.io/component"] = "webhook" },
        },
        Type = "kubernetes.io/tls",
        Data = bundle.ToSecretData(),
    };

    private void Serve(WebhookTlsBundle bundle)
    {
        var serving = bundle.Serving;
        if (_current?.Thumbprint != serving.Thumbprint)
        {
            _current = serving;
            CertificateLog.Serving(_logger, serving.Subject, serving.Thumbprint, _options.Namespace, _options.SecretName, serving.NotAfter.ToUniversalTime());
        }

        _state = $"serving {serving.Subject} from {Secret}, valid until {serving.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC";
    }
}
