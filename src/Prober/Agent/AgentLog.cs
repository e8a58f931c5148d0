using Microsoft.Extensions.Logging;

namespace NetworkMachinery.Prober.Agent;

/// <summary>The prober agent's log messages, with stable event ids.</summary>
internal static partial class AgentLog
{
    [LoggerMessage(601, LogLevel.Debug, "Task {Test} run {Run} from {Source}: {Targets} targets")]
    public static partial void TaskStarted(ILogger logger, string test, string run, string source, int targets);

    [LoggerMessage(602, LogLevel.Warning, "Task {Test} run {Run} dropped: issued {AgeSeconds:0.#} s ago, past its budget; the operator has judged that run already")]
    public static partial void TaskStale(ILogger logger, string test, string run, double ageSeconds);

    [LoggerMessage(603, LogLevel.Error, "Task {Test} run {Run} failed; its remaining targets get no result")]
    public static partial void TaskFailed(ILogger logger, string test, string run, Exception exception);

    [LoggerMessage(604, LogLevel.Warning, "Stopping with {Running} tasks still running after {TimeoutSeconds} s; their remaining results are not sent")]
    public static partial void DrainTimedOut(ILogger logger, int running, double timeoutSeconds);
}
