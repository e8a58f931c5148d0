using Microsoft.Extensions.Logging;

namespace NetworkMachinery.Operator.Runtime.Events;

internal static partial class EventRecorderLog
{
    [LoggerMessage(1, LogLevel.Warning, "Could not write event {Reason} about {Kind} {Object}: {Error}")]
    public static partial void WriteFailed(ILogger logger, string reason, string kind, string @object, string error);

    [LoggerMessage(2, LogLevel.Debug, "Event {Reason} about {Kind} {Object} dropped: {Why}")]
    public static partial void Dropped(ILogger logger, string reason, string kind, string @object, string why);

    [LoggerMessage(3, LogLevel.Warning, "{Count} events were still waiting to be written when the operator stopped")]
    public static partial void Abandoned(ILogger logger, int count);
}
