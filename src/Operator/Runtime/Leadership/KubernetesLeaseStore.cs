using k8s;
using k8s.Autorest;
using k8s.Models;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Runtime.Leadership;

/// <summary>Leases in the API server's coordination.k8s.io/v1.</summary>
internal sealed class KubernetesLeaseStore : ILeaseStore
{
    private readonly ICoordinationV1Operations _api;

    public KubernetesLeaseStore(IKubernetes kubernetes) => _api = kubernetes.CoordinationV1;

    public async Task<V1Lease?> GetAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _api.ReadNamespacedLeaseWithHttpMessagesAsync(name, @namespace, cancellationToken: cancellationToken);
            return response.Body;
        }
        catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
        {
            return null;
        }
    }

    public async Task<V1Lease?> CreateAsync(V1Lease lease, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _api.CreateNamespacedLeaseWithHttpMessagesAsync(lease, lease.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
            return response.Body;
        }
        catch (HttpOperationException e) when (ApiErrors.IsConflict(e))
        {
            return null;
        }
    }

    public async Task<V1Lease?> ReplaceAsync(V1Lease lease, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _api.ReplaceNamespacedLeaseWithHttpMessagesAsync(
                lease, lease.Metadata.Name, lease.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
            return response.Body;
        }
        catch (HttpOperationException e) when (ApiErrors.IsConflict(e))
        {
            return null;
        }
    }
}
