using k8s.Models;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Leadership;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Tests.Runtime.Support;

/// <summary>Notes that this instance reconciled a ConfigMap; resolved per reconcile from the operator host's services.</summary>
internal sealed class IdentityReconciler(ILeaderElector elector, ReconcileLog log) : IReconciler<V1ConfigMap>
{
    public Task<ReconcileResult> ReconcileAsync(ObjectKey key, V1ConfigMap? resource, CancellationToken cancellationToken)
    {
        log.Add(elector.Identity, key.Name);
        return Task.FromResult(ReconcileResult.Done);
    }
}
