using NetworkMachinery.Contracts;

namespace NetworkMachinery.Prober.Probes.Http;

/// <summary>One request's outcome: the status (when a response came) and how long each phase took.</summary>
internal sealed record HttpAttempt
{
    /// <summary>The response's status code; null when none arrived.</summary>
    public int? StatusCode { get; init; }

    public required ProbeResult.Types.Verdict Verdict { get; init; }

    /// <summary>Why no response came; empty when one did.</summary>
    public string Failure { get; init; } = string.Empty;

    public TimeSpan Connect { get; init; }

    public TimeSpan Tls { get; init; }

    /// <summary>From sending the request to the first byte of the response.</summary>
    public TimeSpan FirstByte { get; init; }

    /// <summary>From the start of the connect to the end of the response's headers.</summary>
    public TimeSpan Total { get; init; }
}
