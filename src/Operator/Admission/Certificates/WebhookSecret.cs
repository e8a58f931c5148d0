using System.Net;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Admission.Certificates;

/// <summary>
/// The Secret that holds the self-managed certificates, shared by every replica: created by whichever comes first,
/// renewed by whichever sees it due first; a replica that loses either race with 409 Conflict reads the winner's.
/// </summary>
internal sealed class WebhookSecret
{
    // More conflicts in a row than this mean replicas fight over the Secret rather than race once.
    private const int Attempts = 5;

    private readonly IKubernetes _kubernetes;
    private readonly WebhookOptions _options;
    private readonly IReadOnlyList<string> _names;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public WebhookSecret(IKubernetes kubernetes, WebhookOptions options, TimeProvider time, ILogger<WebhookSecret> logger)
    {
        _kubernetes = kubernetes;
        _options = options;
        _names = options.ServingNames();
        _time = time;
        _logger = logger;
    }

    /// <summary>The Secret, for messages: <c>Secret NAMESPACE/NAME</c>.</summary>
    public string Name => $"Secret {_options.Namespace}/{_options.SecretName}";

    /// <summary>Reads the Secret; creates it when absent, renews it when due, and returns what it then holds.</summary>
    /// <exception cref="InvalidOperationException">The operator may not read or write it (the message names the permission).</exception>
    public async Task<WebhookTlsBundle> EnsureAsync(CancellationToken cancellationToken)
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
                $"cannot {verb} {Name}: forbidden; the operator's service account needs get, create and update on secrets in namespace {_options.Namespace} (it lacks {verb})",
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

}
