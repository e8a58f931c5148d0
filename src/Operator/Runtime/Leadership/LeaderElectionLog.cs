using Microsoft.Extensions.Logging;

namespace NetworkMachinery.Operator.Runtime.Leadership;

/// <summary>Leader election's log messages, with stable event ids.</summary>
internal static partial class LeaderElectionLog
{
    [LoggerMessage(301, LogLevel.Information, "Leader election: {Identity} leads (lease {Lease}); controllers start")]
    public static partial void Acquired(ILogger logger, string identity, string lease);

    [LoggerMessage(302, LogLevel.Information, "Leader election: {Identity} stands by; lease {Lease} is held by {Holder}")]
    public static partial void StandingBy(ILogger logger, string identity, string lease, string holder);

    [LoggerMessage(303, LogLevel.Warning, "Leader election: {Identity} could not renew lease {Lease} within {RenewDeadline}; it stops leading and its controllers stop")]
    public static partial void Lost(ILogger logger, string identity, string lease, TimeSpan renewDeadline);

    [LoggerMessage(304, LogLevel.Information, "Leader election: {Identity} released lease {Lease}")]
    public static partial void Released(ILogger logger, string identity, string lease);

    [LoggerMessage(305, LogLevel.Warning, "Leader election: cannot read or write lease {Lease} ({Error})")]
    public static partial void Unreachable(ILogger logger, string lease, string error);

    [LoggerMessage(306, LogLevel.Error, "Leader election: lease {Lease} could not be read or written")]
    public static partial void Failed(ILogger logger, string lease, Exception exception);

    [LoggerMessage(307, LogLevel.Warning, "Leader election: {Identity} could not release lease {Lease} ({Error}); it expires after its duration")]
    public static partial void ReleaseFailed(ILogger logger, string identity, string lease, string error);
}
