using k8s;
using k8s.Models;

namespace NetworkMachinery.Operator.Runtime.Resources;

/// <summary>
/// Names one object: its namespace (null for a cluster-scoped object) and its name. It is the work queue's key and the
/// cache's index, written <c>namespace/name</c> as client-go writes it.
/// </summary>
/// <param name="Namespace">The namespace, or null for a cluster-scoped object.</param>
/// <param name="Name">The object's name.</param>
public readonly record struct ObjectKey(string? Namespace, string Name)
{
    /// <summary>The key of <paramref name="resource"/>.</summary>
    /// <exception cref="ArgumentException">The object has no name.</exception>
    public static ObjectKey Of(IKubernetesObject<V1ObjectMeta> resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var metadata = resource.Metadata;
        if (string.IsNullOrEmpty(metadata?.Name))
        {
            throw new ArgumentException("The object has no metadata.name.", nameof(resource));
        }

        return new ObjectKey(string.IsNullOrEmpty(metadata.NamespaceProperty) ? null : metadata.NamespaceProperty, metadata.Name);
    }

    /// <summary><c>namespace/name</c>, or the name alone for a cluster-scoped object.</summary>
    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
