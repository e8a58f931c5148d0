namespace NetworkMachinery.Bus.Consuming;

/// <summary>A message that can never be handled (it does not parse, say): it goes to the dead-letter topic without retries.</summary>
public sealed class PoisonMessageException : Exception
{
    /// <summary>Creates the exception with the reason the dead letter will carry.</summary>
    public PoisonMessageException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }

    /// <summary>Creates the exception with a generic reason.</summary>
    public PoisonMessageException()
        : base("The message cannot be handled.")
    {
    }

    /// <summary>Creates the exception with the reason the dead letter will carry.</summary>
    public PoisonMessageException(string reason)
        : base(reason)
    {
    }
}
