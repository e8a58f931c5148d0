namespace NetworkMachinery.Testing.Processes;

/// <summary>How <see cref="BackgroundProcess.Start"/> starts a process.</summary>
public sealed record BackgroundProcessOptions
{
    /// <summary>Variables added to the inherited environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>
    /// Start the process as the leader of a new process group (through <c>setsid</c>), so that stopping it also stops
    /// every child it started. Only a group created this way is ever signalled as a whole.
    /// </summary>
    public bool NewProcessGroup { get; init; }
}
