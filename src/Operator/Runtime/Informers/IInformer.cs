using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Runtime.Informers;

/// <summary>What health checks and controllers need of any informer, whatever its object type.</summary>
public interface IInformer
{
    /// <summary>The kind of object it watches.</summary>
    ResourceType Type { get; }

    /// <summary>The namespace it watches, or null for all of them.</summary>
    string? Namespace { get; }

    /// <summary>True once the first list has been applied to the cache and handed to the handlers; it stays true.</summary>
    bool HasSynced { get; }

    /// <summary>Completes when <see cref="HasSynced"/> becomes true.</summary>
    Task WaitForSyncAsync(CancellationToken cancellationToken);
}
