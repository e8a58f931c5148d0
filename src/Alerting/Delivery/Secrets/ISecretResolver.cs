using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Delivery.Secrets;

/// <summary>Reads the value a channel's Secret reference names: a webhook URL or an HMAC key.</summary>
public interface ISecretResolver
{
    /// <summary>The value of <paramref name="reference"/>'s key in the Secret it names, in <paramref name="namespace"/>.</summary>
    /// <param name="namespace">The referring object's (the monitor's) namespace.</param>
    /// <param name="reference">The Secret and key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value as text (UTF-8).</returns>
    /// <exception cref="SecretResolutionException">The Secret or its key does not exist, or could not be read; the message says which and what to do.</exception>
    Task<string> ResolveAsync(string @namespace, SecretKeyReference reference, CancellationToken cancellationToken);
}
