using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Queue;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Runtime.Controllers;

/// <summary>Queues the key of each object the controller's own informer reports, skipping status-only updates when asked.</summary>
internal sealed class EnqueueHandler<T> : IResourceEventHandler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IWorkQueue<ObjectKey> _queue;
    private readonly bool _skipStatusOnlyUpdates;

    public EnqueueHandler(IWorkQueue<ObjectKey> queue, bool skipStatusOnlyUpdates)
    {
        _queue = queue;
        _skipStatusOnlyUpdates = skipStatusOnlyUpdates;
    }

    public void OnAdd(T resource) => _queue.Add(ObjectKey.Of(resource));

    public void OnUpdate(T previous, T current)
    {
        if (_skipStatusOnlyUpdates && IsStatusOnly(previous, current))
        {
            return;
        }

        _queue.Add(ObjectKey.Of(current));
    }

    public void OnDelete(T resource) => _queue.Add(ObjectKey.Of(resource));

    /// <summary>
    /// The generation did not move (the API server bumps it on spec changes and on the start of a deletion) and no
    /// deletion started: a status or metadata write. Without a generation nothing can be told, so nothing is skipped.
    /// </summary>
    internal static bool IsStatusOnly(T previous, T current) =>
        previous.Metadata.Generation is { } generation
        && generation == current.Metadata.Generation
        && previous.Metadata.DeletionTimestamp == current.Metadata.DeletionTimestamp;
}
