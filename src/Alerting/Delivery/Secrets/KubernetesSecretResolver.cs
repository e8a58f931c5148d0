using System.Net;
using System.Text;
using k8s;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Alerting.Delivery.Secrets;

/// <summary>
/// Reads Secret keys through the API server, at every call: a rotated webhook URL or HMAC key is used from the next
/// delivery on, and nothing secret stays in memory between deliveries. Needs <c>get</c> on secrets in the monitors' namespaces.
/// </summary>
public sealed class KubernetesSecretResolver(IKubernetes client) : ISecretResolver
{
    /// <inheritdoc/>
    public async Task<string> ResolveAsync(string @namespace, SecretKeyReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var name = $"{@namespace}/{reference.Name}";
        k8s.Models.V1Secret secret;
        try
        {
            secret = await client.CoreV1.ReadNamespacedSecretAsync(reference.Name, @namespace, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
            throw new SecretResolutionException($"Secret {name} does not exist; create it with the key {reference.Key}, or fix the channel's secret reference", isTransient: false, e);
        }
        catch (Exception e) when (ApiErrors.StatusCode(e) is (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.Unauthorized)
        {
            throw new SecretResolutionException($"may not read Secret {name} ({ApiErrors.StatusCode(e)}): grant alerting's service account get on secrets in {@namespace}", isTransient: false, e);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new SecretResolutionException($"could not read Secret {name}: {e.Message}", isTransient: ApiErrors.IsTransient(e) || e is HttpRequestException or OperationCanceledException, e);
        }

        if (secret.Data is null || !secret.Data.TryGetValue(reference.Key, out var value))
        {
            var keys = secret.Data is { Count: > 0 } data ? "it has " + string.Join(", ", data.Keys.Order(StringComparer.Ordinal)) : "it has no keys";
            throw new SecretResolutionException($"Secret {name} has no key {reference.Key} ({keys}); add the key or fix the channel's secret reference", isTransient: false);
        }

        return Encoding.UTF8.GetString(value);
    }
}
