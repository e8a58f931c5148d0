using Microsoft.Extensions.Logging;

namespace NetworkMachinery.Operator.Runtime.Hosting;

/// <summary>The runner's log messages, with stable event ids.</summary>
internal static partial class OperatorRunnerLog
{
    [LoggerMessage(401, LogLevel.Information, "Operator runtime: {Informers} informer(s), {Controllers} controller(s) ({Names}); leader election {Election}")]
    public static partial void Starting(ILogger logger, int informers, int controllers, string names, string election);

    [LoggerMessage(402, LogLevel.Critical, "Operator runtime: {Loop} stopped unexpectedly; stopping the application so that it is restarted")]
    public static partial void LoopFailed(ILogger logger, string loop, Exception? exception);

    [LoggerMessage(403, LogLevel.Information, "Operator runtime: stopped")]
    public static partial void Stopped(ILogger logger);
}
