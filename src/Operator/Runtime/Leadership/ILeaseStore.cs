using k8s.Models;

namespace NetworkMachinery.Operator.Runtime.Leadership;

/// <summary>Reads and writes Lease objects with optimistic concurrency; conflicts are answers, not exceptions.</summary>
internal interface ILeaseStore
{
    /// <summary>The lease, or null when it does not exist.</summary>
    Task<V1Lease?> GetAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>Creates the lease; null when one of that name exists already.</summary>
    Task<V1Lease?> CreateAsync(V1Lease lease, CancellationToken cancellationToken);

    /// <summary>Replaces the lease if its resourceVersion is current; null when someone wrote it meanwhile.</summary>
    Task<V1Lease?> ReplaceAsync(V1Lease lease, CancellationToken cancellationToken);
}
