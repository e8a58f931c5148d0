using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Runtime.Leadership;

namespace NetworkMachinery.Operator.Tests.Runtime.Support;

/// <summary>
/// Leases kept in memory with the API server's optimistic concurrency: every write bumps the resourceVersion, a replace
/// with a stale one is a conflict, a create of an existing name fails. <see cref="Unreachable"/> makes every call throw
/// as a refused connection does.
/// </summary>
internal sealed class InMemoryLeaseStore : ILeaseStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, string), V1Lease> _leases = [];
    private long _version;

    /// <summary>Every call throws <see cref="HttpRequestException"/> while set.</summary>
    public volatile bool Unreachable;

    /// <summary>The stored lease, or null.</summary>
    public V1Lease? Peek(string @namespace, string name)
    {
        lock (_gate)
        {
            return _leases.TryGetValue((@namespace, name), out var lease) ? Copy(lease) : null;
        }
    }

    /// <summary>Stores <paramref name="lease"/> as is (a lease some other process wrote).</summary>
    public void Put(V1Lease lease)
    {
        lock (_gate)
        {
            lease.Metadata.ResourceVersion = (++_version).ToString();
            _leases[(lease.Metadata.NamespaceProperty, lease.Metadata.Name)] = Copy(lease);
        }
    }

    public Task<V1Lease?> GetAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        ThrowIfUnreachable();
        return Task.FromResult(Peek(@namespace, name));
    }

    public Task<V1Lease?> CreateAsync(V1Lease lease, CancellationToken cancellationToken)
    {
        ThrowIfUnreachable();
        lock (_gate)
        {
            if (_leases.ContainsKey((lease.Metadata.NamespaceProperty, lease.Metadata.Name)))
            {
                return Task.FromResult<V1Lease?>(null);
            }

            Put(lease);
            return Task.FromResult<V1Lease?>(Copy(lease));
        }
    }

    public Task<V1Lease?> ReplaceAsync(V1Lease lease, CancellationToken cancellationToken)
    {
        ThrowIfUnreachable();
        lock (_gate)
        {
            if (!_leases.TryGetValue((lease.Metadata.NamespaceProperty, lease.Metadata.Name), out var stored)
                || stored.Metadata.ResourceVersion != lease.Metadata.ResourceVersion)
            {
                return Task.FromResult<V1Lease?>(null);
            }

            Put(lease);
            return Task.FromResult<V1Lease?>(Copy(lease));
        }
    }

    private static V1Lease Copy(V1Lease lease) => KubernetesJson.Deserialize<V1Lease>(KubernetesJson.Serialize(lease));

    private void ThrowIfUnreachable()
    {
        if (Unreachable)
        {
            throw new HttpRequestException("Connection refused (127.0.0.1:6443)");
        }
    }
}
