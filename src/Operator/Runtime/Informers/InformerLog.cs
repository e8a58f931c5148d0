using Microsoft.Extensions.Logging;

namespace NetworkMachinery.Operator.Runtime.Informers;

/// <summary>The informers' log messages, with stable event ids.</summary>
internal static partial class InformerLog
{
    [LoggerMessage(101, LogLevel.Information, "Informer {Resource}: listed {Count} objects at resourceVersion {ResourceVersion} ({Added} added, {Updated} updated, {Deleted} deleted in the cache)")]
    public static partial void Listed(ILogger logger, string resource, int count, string? resourceVersion, int added, int updated, int deleted);

    [LoggerMessage(102, LogLevel.Information, "Informer {Resource}: resourceVersion {ResourceVersion} expired (410 Gone: {Reason}); listing again")]
    public static partial void Expired(ILogger logger, string resource, string? resourceVersion, string reason);

    [LoggerMessage(103, LogLevel.Warning, "Informer {Resource}: cannot reach the API server ({Error}); attempt {Attempt} failed, retrying in {DelayMilliseconds} ms")]
    public static partial void Unreachable(ILogger logger, string resource, string error, int attempt, long delayMilliseconds);

    [LoggerMessage(104, LogLevel.Error, "Informer {Resource}: list or watch failed; attempt {Attempt}, retrying in {DelayMilliseconds} ms")]
    public static partial void Failed(ILogger logger, string resource, int attempt, long delayMilliseconds, Exception exception);

    [LoggerMessage(105, LogLevel.Information, "Informer {Resource}: the API server answers again after {Attempts} failed attempt(s); watching from resourceVersion {ResourceVersion}")]
    public static partial void Recovered(ILogger logger, string resource, int attempts, string? resourceVersion);

    [LoggerMessage(106, LogLevel.Warning, "Informer {Resource}: the watch from resourceVersion {ResourceVersion} outlived its timeout by {Grace} (a dead connection); watching again")]
    public static partial void Stalled(ILogger logger, string resource, string? resourceVersion, TimeSpan grace);

    [LoggerMessage(107, LogLevel.Error, "Informer {Resource}: event handler {Handler} failed on {Event} of {Key}")]
    public static partial void HandlerFailed(ILogger logger, string resource, string handler, string @event, string key, Exception exception);

    [LoggerMessage(108, LogLevel.Debug, "Informer {Resource}: the watch ended after {Events} event(s); watching again from resourceVersion {ResourceVersion}")]
    public static partial void WatchEnded(ILogger logger, string resource, int events, string? resourceVersion);
}
