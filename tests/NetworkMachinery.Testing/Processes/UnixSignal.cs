namespace NetworkMachinery.Testing.Processes;

/// <summary>The signals the helpers send (Linux numbers).</summary>
public enum UnixSignal
{
    /// <summary>SIGINT: what tcpdump needs to flush its capture file and exit.</summary>
    Interrupt = 2,

    /// <summary>SIGKILL: the last resort when a process ignores the polite signal.</summary>
    Kill = 9,

    /// <summary>SIGTERM: the usual request to exit.</summary>
    Terminate = 15,
}
