using System.Diagnostics.CodeAnalysis;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Runtime.Hosting;

/// <summary>Resolves the user's reconciler in a fresh DI scope for each reconcile, so scoped services never outlive one key's pass.</summary>
internal sealed class ScopedReconciler<T, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TReconciler> : IReconciler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TReconciler : class, IReconciler<T>
{
    private readonly IServiceScopeFactory _scopes;

    public ScopedReconciler(IServiceScopeFactory scopes) => _scopes = scopes;

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, T? resource, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TReconciler>().ReconcileAsync(key, resource, cancellationToken);
    }
}
