using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Runtime.Controllers;

/// <summary>
/// The one operation a controller asks of its user: bring the world in line with the object named by a key. It is
/// level-triggered: it is told which object, not what happened to it, and reads the object's current state, so it must
/// be idempotent (reconciling twice in a row changes nothing the second time). One key is never reconciled by two
/// workers at once; different keys are, concurrently.
/// </summary>
/// <typeparam name="T">The object type the controller owns.</typeparam>
public interface IReconciler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Reconciles the object named <paramref name="key"/>.</summary>
    /// <param name="key">The object's namespace and name.</param>
    /// <param name="resource">
    /// The object as the informer cache holds it (shared: change a copy), or null when it no longer exists. An object
    /// with finalizers that is being deleted is still here, with <c>metadata.deletionTimestamp</c> set.
    /// </param>
    /// <param name="cancellationToken">Cancelled when the controller stops (leadership lost, shutdown) and its drain time ran out.</param>
    /// <returns>What to do with the key next; throwing retries it after a backoff and counts an error.</returns>
    Task<ReconcileResult> ReconcileAsync(ObjectKey key, T? resource, CancellationToken cancellationToken);
}
