using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Delivery.Secrets;

/// <summary>
/// Secret values given up front, for standalone use (<c>netm run</c>) where there is no API server: keyed
/// <c>NAMESPACE/NAME/KEY</c>, or <c>NAME/KEY</c> for every namespace (the namespaced entry wins).
/// </summary>
public sealed class StaticSecretResolver : ISecretResolver
{
    private readonly Dictionary<string, string> _values;

    /// <summary>Creates the resolver over <paramref name="values"/> (<c>NAMESPACE/NAME/KEY</c> or <c>NAME/KEY</c> to value).</summary>
    public StaticSecretResolver(IEnumerable<KeyValuePair<string, string>> values) =>
        _values = new Dictionary<string, string>(values, StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task<string> ResolveAsync(string @namespace, SecretKeyReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var local = $"{reference.Name}/{reference.Key}";
        return _values.TryGetValue($"{@namespace}/{local}", out var value) || _values.TryGetValue(local, out value)
            ? Task.FromResult(value)
            : Task.FromException<string>(new SecretResolutionException(
                $"no secret {local} is configured (standalone secrets are given as NAME/KEY or NAMESPACE/NAME/KEY); configure it, or give the channel's url inline", isTransient: false));
    }
}
