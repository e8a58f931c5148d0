using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Runtime.Informers;

/// <summary>
/// An informer's thread-safe, read-only view of the objects it last saw, indexed by namespace and name. The objects are
/// shared: read them, never change them (change a copy, as <see cref="StatusExtensions.UpdateStatusAsync{T}"/> does).
/// </summary>
/// <typeparam name="T">The object type.</typeparam>
public interface IResourceCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>How many objects the cache holds.</summary>
    int Count { get; }

    /// <summary>The object named <paramref name="key"/>, or null.</summary>
    T? Get(ObjectKey key);

    /// <summary>Every object, in no particular order.</summary>
    IReadOnlyList<T> List();

    /// <summary>The objects of one namespace, in no particular order.</summary>
    IReadOnlyList<T> List(string @namespace);
}
