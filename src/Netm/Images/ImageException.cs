namespace NetworkMachinery.Netm.Images;

/// <summary>
/// An image cannot be built or imported: a tool or a host file it packs is missing, a build step failed. The message is
/// meant for the user and says what fixes it.
/// </summary>
internal sealed class ImageException : InvalidOperationException
{
    /// <summary>Creates the exception with a message for the user.</summary>
    public ImageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the user and the failure behind it.</summary>
    public ImageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
