using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Queue;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Runtime.Controllers;

/// <summary>Queues the keys an <see cref="IKeySource"/> raises; it has no informer to wait for.</summary>
internal sealed class KeySourceWatch<T>(IKeySource source) : IControllerWatch<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public IInformer? Informer => null;

    public IDisposable Subscribe(IWorkQueue<ObjectKey> queue, IResourceCache<T> primary) => source.Subscribe(queue.Add);
}
