using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Queue;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Runtime.Controllers;

/// <summary>
/// Maps each change of a <typeparamref name="TSource"/> to the keys of the <typeparamref name="T"/> objects it
/// concerns (controller-runtime's <c>EnqueueRequestsFromMapFunc</c>); an update maps both the old and the new state, so
/// an object that stops matching is reconciled too.
/// </summary>
internal sealed class MappedWatch<TSource, T> : IControllerWatch<T>
    where TSource : class, IKubernetesObject<V1ObjectMeta>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IInformer<TSource> _informer;
    private readonly Func<TSource, IResourceCache<T>, IEnumerable<ObjectKey>> _map;

    public MappedWatch(IInformer<TSource> informer, Func<TSource, IResourceCache<T>, IEnumerable<ObjectKey>> map)
    {
        _informer = informer;
        _map = map;
    }

    public IInformer Informer => _informer;

    public IDisposable Subscribe(IWorkQueue<ObjectKey> queue, IResourceCache<T> primary) =>
        _informer.AddEventHandler(new Handler(queue, primary, _map));

    private sealed class Handler(IWorkQueue<ObjectKey> queue, IResourceCache<T> primary, Func<TSource, IResourceCache<T>, IEnumerable<ObjectKey>> map)
        : IResourceEventHandler<TSource>
    {
        public void OnAdd(TSource resource) => Enqueue(resource);

        public void OnUpdate(TSource previous, TSource current)
        {
            Enqueue(previous);
            Enqueue(current);
        }

        public void OnDelete(TSource resource) => Enqueue(resource);

        private void Enqueue(TSource resource)
        {
            foreach (var key in map(resource, primary))
            {
                queue.Add(key);
            }
        }
    }
}
