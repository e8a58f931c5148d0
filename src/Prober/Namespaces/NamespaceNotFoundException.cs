namespace NetworkMachinery.Prober.Namespaces;

/// <summary>A source pod's network namespace was not found: the pod is not on this node, not running, or gone.</summary>
public sealed class NamespaceNotFoundException : Exception
{
    /// <summary>Creates the exception with a message that says which pod and where it was looked for.</summary>
    public NamespaceNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public NamespaceNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public NamespaceNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
