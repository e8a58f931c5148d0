namespace NetworkMachinery.Prober.Namespaces;

/// <summary>A source pod as a probe task names it.</summary>
/// <param name="Namespace">The pod's Kubernetes namespace.</param>
/// <param name="Name">The pod's name.</param>
/// <param name="Uid">The pod's UID (<c>metadata.uid</c>); empty when the task carries none.</param>
public readonly record struct PodIdentity(string Namespace, string Name, string Uid)
{
    /// <inheritdoc />
    public override string ToString() => string.IsNullOrEmpty(Uid) ? $"pod {Namespace}/{Name}" : $"pod {Namespace}/{Name} (uid {Uid})";
}
