using Microsoft.Extensions.Logging;

namespace NetworkMachinery.Alerting.Delivery;

/// <summary>The log messages of notification delivery. URLs are never logged: a Slack or signed webhook URL is a credential.</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(1101, LogLevel.Debug, "Event {EventId} of {Monitor} delivered to channel {Channel} after {Attempts} attempt(s)")]
    public static partial void Delivered(ILogger logger, string eventId, string monitor, string channel, int attempts);

    [LoggerMessage(1102, LogLevel.Information, "Event {EventId} of {Monitor}: attempt {Attempt} to channel {Channel} failed ({Error}); next in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string eventId, string monitor, int attempt, string channel, string? error, long delayMs);

    [LoggerMessage(1103, LogLevel.Warning, "Event {EventId} of {Monitor}: delivery to channel {Channel} failed after {Attempts} attempt(s): {Error}")]
    public static partial void GaveUp(ILogger logger, string eventId, string monitor, string channel, int attempts, string? error);

    [LoggerMessage(1104, LogLevel.Warning, "Event {EventId} of {Monitor}: the delivery status of channel {Channel} could not be recorded")]
    public static partial void StatusReportFailed(ILogger logger, Exception exception, string eventId, string monitor, string channel);
}
