using Microsoft.Extensions.Logging;

namespace NetworkMachinery.Operator.Runtime.Controllers;

/// <summary>The controllers' log messages, with stable event ids.</summary>
internal static partial class ControllerLog
{
    private static readonly Func<ILogger, string, string, IDisposable?> ReconcileScope =
        LoggerMessage.DefineScope<string, string>("Controller {Controller} reconciling {Key}");

    /// <summary>One log scope per reconcile, naming the controller and the key.</summary>
    public static IDisposable? BeginReconcile(ILogger logger, string controller, string key) => ReconcileScope(logger, controller, key);

    [LoggerMessage(201, LogLevel.Information, "Controller {Controller}: informers synced, {Workers} worker(s) started, {Queued} object(s) queued")]
    public static partial void Started(ILogger logger, string controller, int workers, int queued);

    [LoggerMessage(202, LogLevel.Information, "Controller {Controller}: stopping; reconciles in progress get {DrainTimeout} to finish")]
    public static partial void Stopping(ILogger logger, string controller, TimeSpan drainTimeout);

    [LoggerMessage(203, LogLevel.Information, "Controller {Controller}: stopped")]
    public static partial void Stopped(ILogger logger, string controller);

    [LoggerMessage(204, LogLevel.Debug, "Reconciled {Key}: {Result} in {Milliseconds} ms")]
    public static partial void Reconciled(ILogger logger, string key, ReconcileResultKind result, double milliseconds);

    [LoggerMessage(205, LogLevel.Error, "Reconcile of {Key} failed ({Failures} time(s) in a row); retrying after a backoff")]
    public static partial void Failed(ILogger logger, string key, int failures, Exception exception);

    [LoggerMessage(206, LogLevel.Information, "Reconcile of {Key} met a conflict (the object changed meanwhile); retrying")]
    public static partial void Conflict(ILogger logger, string key);

    [LoggerMessage(207, LogLevel.Warning, "Reconcile of {Key}: the API server is unreachable ({Error}); retrying after a backoff")]
    public static partial void Unreachable(ILogger logger, string key, string error);

    [LoggerMessage(208, LogLevel.Information, "Reconcile of {Key} cancelled: the controller is stopping")]
    public static partial void Cancelled(ILogger logger, string key);
}
