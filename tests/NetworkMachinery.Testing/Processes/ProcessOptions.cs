namespace NetworkMachinery.Testing.Processes;

/// <summary>How <see cref="ProcessRunner"/> runs a command.</summary>
public sealed record ProcessOptions
{
    /// <summary>The default: 30 seconds, generous for the tools the tests call.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long the command may run before it is killed and the call fails.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Variables added to the inherited environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Text written to the command's stdin, which is then closed; null leaves stdin empty.</summary>
    public string? StandardInput { get; init; }

    /// <summary>When false, a non-zero exit code is returned in the result instead of thrown.</summary>
    public bool ThrowOnFailure { get; init; } = true;
}
