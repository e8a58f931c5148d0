using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Queue;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Runtime.Controllers;

/// <summary>Another kind of object a controller watches, or another source of events, that queues keys of the controller's own kind.</summary>
internal interface IControllerWatch<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The informer of the watched kind, whose sync the workers wait for; null for a source outside the API server.</summary>
    IInformer? Informer { get; }

    /// <summary>Starts queueing into <paramref name="queue"/>; disposing the result stops it.</summary>
    IDisposable Subscribe(IWorkQueue<ObjectKey> queue, IResourceCache<T> primary);
}
