using k8s;
using k8s.Models;

namespace NetworkMachinery.Operator.Runtime.Informers;

/// <summary>
/// Lists and watches one kind of object (client-go's shared informer) into a cache, and tells handlers of every change.
/// Informers run for the life of the operator, leader or not, so a standby's cache is warm when it takes over.
/// </summary>
/// <typeparam name="T">The object type.</typeparam>
public interface IInformer<T> : IInformer
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The objects as last seen.</summary>
    IResourceCache<T> Cache { get; }

    /// <summary>
    /// Adds a handler. It is first told of every object already cached (as adds), then of each change; the two never
    /// interleave. Disposing the result removes it.
    /// </summary>
    IDisposable AddEventHandler(IResourceEventHandler<T> handler);
}
