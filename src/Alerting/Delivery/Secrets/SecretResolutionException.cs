namespace NetworkMachinery.Alerting.Delivery.Secrets;

/// <summary>A Secret reference could not be resolved: the message says which Secret or key, and what to do.</summary>
public sealed class SecretResolutionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SecretResolutionException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public SecretResolutionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public SecretResolutionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception; <paramref name="isTransient"/> when reading again later may succeed (the API server did not answer).</summary>
    public SecretResolutionException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException) => IsTransient = isTransient;

    /// <summary>Whether a retry may succeed without anyone changing anything: true for an unreachable API server, false for a missing Secret or key.</summary>
    public bool IsTransient { get; }
}
