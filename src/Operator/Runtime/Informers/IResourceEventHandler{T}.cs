namespace NetworkMachinery.Operator.Runtime.Informers;

/// <summary>
/// Told of each change an informer applies to its cache, after the cache holds it. Called on the informer's loop, one
/// at a time: a handler must be quick (a controller's only queues a key) and must not change the objects it is given.
/// </summary>
/// <typeparam name="T">The object type.</typeparam>
public interface IResourceEventHandler<in T>
{
    /// <summary>An object appeared: created, or found by a list (also the replay of the cache to a new handler).</summary>
    void OnAdd(T resource);

    /// <summary>An object changed; a list after a watch gap reports only objects whose resourceVersion changed.</summary>
    void OnUpdate(T previous, T current);

    /// <summary>An object disappeared: deleted, or missing from a list after a watch gap (then it is the last state seen).</summary>
    void OnDelete(T resource);
}
