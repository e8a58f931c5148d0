namespace NetworkMachinery.Prober.Namespaces;

/// <summary>Finds the network namespace of a source pod.</summary>
public interface INamespaceResolver
{
    /// <summary>Resolves <paramref name="pod"/> to its network namespace.</summary>
    /// <exception cref="NamespaceNotFoundException">No namespace of that pod exists on this node.</exception>
    ResolvedNamespace Resolve(PodIdentity pod);
}
