using Microsoft.Extensions.Logging;

namespace NetworkMachinery.Bus;

/// <summary>The bus's log messages, with stable event ids.</summary>
internal static partial class BusLog
{
    [LoggerMessage(101, LogLevel.Warning, "Consumer group {Group}: handling {Topic}/{Partition}@{Offset} failed (attempt {Attempt} of {MaxAttempts}); retrying")]
    public static partial void HandlerRetry(ILogger logger, string group, string topic, int partition, long offset, int attempt, int maxAttempts, Exception exception);

    [LoggerMessage(102, LogLevel.Error, "Consumer group {Group}: {Topic}/{Partition}@{Offset} sent to {DeadLetterTopic}: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string group, string topic, int partition, long offset, string deadLetterTopic, string reason);

    [LoggerMessage(103, LogLevel.Error, "Consumer group {Group}: the dead letter for {Topic}/{Partition}@{Offset} was not confirmed within {TimeoutSeconds} s; it stays queued")]
    public static partial void DeadLetterUnconfirmed(ILogger logger, string group, string topic, int partition, long offset, double timeoutSeconds);

    [LoggerMessage(104, LogLevel.Warning, "Kafka client {Client}: {Reason} ({Code}){Repeats}")]
    public static partial void ClientError(ILogger logger, string client, string reason, string code, string repeats);

    [LoggerMessage(105, LogLevel.Critical, "Kafka client {Client}: fatal error {Reason} ({Code}); it stops")]
    public static partial void FatalClientError(ILogger logger, string client, string reason, string code);

    [LoggerMessage(106, LogLevel.Information, "Consumer group {Group}: partitions {Change}: {Partitions}")]
    public static partial void Rebalance(ILogger logger, string group, string change, string partitions);

    [LoggerMessage(EventId = 108, Message = "Kafka client {Client} [{Facility}]: {Message}")]
    public static partial void ClientLog(ILogger logger, LogLevel level, string client, string facility, string message);

    [LoggerMessage(107, LogLevel.Warning, "Producer {Producer}: {Count} message(s) to {Topic} failed: {Reason}")]
    public static partial void DeliveryFailed(ILogger logger, string producer, long count, string topic, string reason);
}
