namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// The control plane cannot be brought into the state asked for: a prerequisite is missing, a port is taken, a server
/// did not start. The message is meant for the user and says what fixes it (the command to run, the option to change).
/// </summary>
/// <remarks>
/// It is an <see cref="InvalidOperationException"/> because the machine, not the call, is what is wrong; the test
/// fixture that shares this code documents that type.
/// </remarks>
internal sealed class DevClusterException : InvalidOperationException
{
    /// <summary>Creates the exception with a message for the user.</summary>
    public DevClusterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the user and the failure behind it.</summary>
    public DevClusterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
