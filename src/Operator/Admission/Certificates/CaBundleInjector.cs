using System.Net;
using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Admission.Certificates;

/// <summary>
/// Keeps the self-managed authority in the <c>caBundle</c> of every webhook of the ValidatingWebhookConfiguration,
/// from an informer's cache: a configuration created or replaced later (a chart upgrade writes it without a caBundle)
/// wakes the certificate loop, which patches it again.
/// </summary>
internal sealed class CaBundleInjector : IResourceEventHandler<V1ValidatingWebhookConfiguration>, IDisposable
{
    private readonly IInformer<V1ValidatingWebhookConfiguration> _informer;
    private readonly IResourceClient<V1ValidatingWebhookConfiguration> _client;
    private readonly string _name;
    private readonly ILogger _logger;
    private readonly WakeSignal _changed = new();
    private IDisposable? _registration;
    private bool _reportedMissing;

    public CaBundleInjector(
        IInformer<V1ValidatingWebhookConfiguration> informer,
        IResourceClient<V1ValidatingWebhookConfiguration> client,
        WebhookOptions options,
        ILogger<CaBundleInjector> logger)
    {
        _informer = informer;
        _client = client;
        _name = options.ConfigurationName;
        _logger = logger;
    }

    /// <summary>Patches <paramref name="caBundle"/> into each webhook of the configuration that lacks it; nothing when it does not exist.</summary>
    /// <exception cref="InvalidOperationException">The operator may not patch the configuration (the message names the permission).</exception>
    public async Task EnsureAsync(byte[] caBundle, CancellationToken cancellationToken)
    {
        _registration ??= _informer.AddEventHandler(this);
        await _informer.WaitForSyncAsync(cancellationToken);
        if (_informer.Cache.Get(new ObjectKey(null, _name)) is not { } configuration)
        {
            if (!_reportedMissing)
            {
                _reportedMissing = true;
                CertificateLog.ConfigurationMissing(_logger, _name);
            }

            return;
        }

        _reportedMissing = false;
        var webhooks = configuration.Webhooks ?? [];
        var patch = new JsonArray();
        for (var i = 0; i < webhooks.Count; i++)
        {
            if (webhooks[i].ClientConfig?.CaBundle is { } current && current.AsSpan().SequenceEqual(caBundle))
            {
                continue;
            }

            // The test makes the patch fail, rather than land on another webhook, if the list changed since the cache saw it.
            patch.Add((JsonNode)new JsonObject { ["op"] = "test", ["path"] = $"/webhooks/{i}/name", ["value"] = webhooks[i].Name });
            patch.Add((JsonNode)new JsonObject { ["op"] = "add", ["path"] = $"/webhooks/{i}/clientConfig/caBundle", ["value"] = Convert.ToBase64String(caBundle) });
        }

        if (patch.Count == 0)
        {
            return;
        }

        try
        {
            await _client.PatchAsync(new ObjectKey(null, _name), new V1Patch(patch.ToJsonString(), V1Patch.PatchType.JsonPatch), cancellationToken);
            CertificateLog.CaBundlePatched(_logger, patch.Count / 2, _name);
        }
        catch (Exception e) when (ApiErrors.StatusCode(e) is (int)HttpStatusCode.Forbidden)
        {
            throw new InvalidOperationException(
                $"cannot set the caBundle of ValidatingWebhookConfiguration {_name}: forbidden; the operator's service account needs patch on validatingwebhookconfigurations (admissionregistration.k8s.io)",
                e);
        }
        catch (Exception e) when (ApiErrors.StatusCode(e) is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.UnprocessableEntity)
        {
            // Deleted or changed since the cache saw it: the informer's event for that change wakes the loop again.
        }
    }

    /// <summary>Waits until the configuration changes, or <paramref name="timeout"/> passes.</summary>
    public Task WaitForChangeAsync(TimeSpan timeout, CancellationToken cancellationToken) => _changed.WaitAsync(timeout, cancellationToken);

    public void OnAdd(V1ValidatingWebhookConfiguration resource) => Wake(resource);

    public void OnUpdate(V1ValidatingWebhookConfiguration previous, V1ValidatingWebhookConfiguration current) => Wake(current);

    public void OnDelete(V1ValidatingWebhookConfiguration resource)
    {
        // Nothing to patch until it is created again.
    }

    public void Dispose()
    {
        _registration?.Dispose();
        _changed.Dispose();
    }

    private void Wake(V1ValidatingWebhookConfiguration resource)
    {
        if (resource.Metadata?.Name == _name)
        {
            _changed.Wake();
        }
    }
}
