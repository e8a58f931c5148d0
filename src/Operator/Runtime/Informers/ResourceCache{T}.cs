using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Runtime.Informers;

/// <summary>
/// The informer's store: objects by key, plus an index by namespace. One writer (the informer's loop), any number of
/// readers (workers); a lock keeps the two dictionaries consistent with each other.
/// </summary>
internal sealed class ResourceCache<T> : IResourceCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, T> _items = [];
    private readonly Dictionary<string, Dictionary<string, T>> _byNamespace = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public T? Get(ObjectKey key)
    {
        lock (_gate)
        {
            return _items.GetValueOrDefault(key);
        }
    }

    public IReadOnlyList<T> List()
    {
        lock (_gate)
        {
            return [.. _items.Values];
        }
    }

    public IReadOnlyList<T> List(string @namespace)
    {
        lock (_gate)
        {
            return _byNamespace.TryGetValue(@namespace, out var names) ? [.. names.Values] : [];
        }
    }

    /// <summary>Stores <paramref name="resource"/> under its key and returns what it replaced, if anything.</summary>
    public T? Upsert(T resource)
    {
        var key = ObjectKey.Of(resource);
        lock (_gate)
        {
            _items.TryGetValue(key, out var previous);
            _items[key] = resource;
            if (key.Namespace is not null)
            {
                if (!_byNamespace.TryGetValue(key.Namespace, out var names))
                {
                    _byNamespace[key.Namespace] = names = new Dictionary<string, T>(StringComparer.Ordinal);
                }

                names[key.Name] = resource;
            }

            return previous;
        }
    }

    /// <summary>Removes the object named <paramref name="key"/> and returns it, or null when there was none.</summary>
    public T? Remove(ObjectKey key)
    {
        lock (_gate)
        {
            if (!_items.Remove(key, out var removed))
            {
                return null;
            }

            if (key.Namespace is not null && _byNamespace.TryGetValue(key.Namespace, out var names))
            {
                names.Remove(key.Name);
                if (names.Count == 0)
                {
                    _byNamespace.Remove(key.Namespace);
                }
            }

            return removed;
        }
    }

    /// <summary>The keys held now.</summary>
    public IReadOnlyList<ObjectKey> Keys()
    {
        lock (_gate)
        {
            return [.. _items.Keys];
        }
    }
}
