using Google.Protobuf;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Bus.Producing;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Bus.Consuming;

/// <summary>
/// What every consumer does with a message, whichever bus it came from: skip it if it is a duplicate, hand it to the
/// handler, retry with backoff when the handler throws, and dead-letter it with the reason when it cannot be handled.
/// Whatever happens, the message ends as consumed; a bad message never stops the consumer. One per consumer loop: the
/// duplicate filter is not thread-safe (the counters are).
/// </summary>
internal sealed class MessageProcessor
{
    private static readonly TimeSpan DeadLetterConfirmTimeout = TimeSpan.FromSeconds(10);

    private readonly ConsumerOptions _options;
    private readonly DuplicateFilter? _duplicates;
    private readonly IBusProducer _deadLetters;
    private readonly ConsumerCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public MessageProcessor(ConsumerOptions options, IBusProducer deadLetters, ConsumerCounters counters, TimeProvider time, ILogger logger)
    {
        _options = options;
        _duplicates = options.IdentityOf is null ? null : new DuplicateFilter(options.DuplicateWindow);
        _deadLetters = deadLetters;
        _counters = counters;
        _time = time;
        _logger = logger;
    }

    public async ValueTask<MessageOutcome> ProcessAsync(ConsumedMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _counters.Received);
        ulong? identity;
        try
        {
            identity = _options.IdentityOf?.Invoke(message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await DeadLetterAsync(message, $"no identity: {Describe(e)}", 1, cancellationToken).ConfigureAwait(false);
        }

        if (identity is { } seen && _duplicates!.IsDuplicate(message, seen))
        {
            Interlocked.Increment(ref _counters.Duplicates);
            return MessageOutcome.Duplicate;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _options.Handler.HandleAsync(message, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (PoisonMessageException e)
            {
                return await DeadLetterAsync(message, Describe(e), attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < _options.MaxAttempts)
            {
                Interlocked.Increment(ref _counters.Retries);
                BusLog.HandlerRetry(_logger, _options.GroupId, message.Topic, message.Partition, message.Offset, attempt, _options.MaxAttempts, e);
                await Task.Delay(_options.RetryBackoff * Math.Pow(2, attempt - 1), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                return await DeadLetterAsync(message, Describe(e), attempt, cancellationToken).ConfigureAwait(false);
            }
        }

        if (identity is { } handled)
        {
            _duplicates!.MarkHandled(message, handled);
        }

        Interlocked.Increment(ref _counters.Handled);
        return MessageOutcome.Handled;
    }

    private async ValueTask<MessageOutcome> DeadLetterAsync(ConsumedMessage message, string reason, int attempts, CancellationToken cancellationToken)
    {
        var letter = new DeadLetter
        {
            Topic = message.Topic,
            Partition = message.Partition,
            Offset = message.Offset,
            Key = ByteString.CopyFrom(message.Key),
            Value = ByteString.CopyFrom(message.Value),
            Reason = reason,
            ConsumerGroup = _options.GroupId,
            Attempts = attempts,
            FailedAtNs = (ulong)(_time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100,
        };
        await _deadLetters.ProduceAsync(_options.DeadLetterTopic, message.Key, letter.ToByteArray(), cancellationToken).ConfigureAwait(false);

        // The message counts as consumed once this returns, so its dead letter must be safe first.
        if (_deadLetters.Flush(DeadLetterConfirmTimeout) > 0)
        {
            BusLog.DeadLetterUnconfirmed(_logger, _options.GroupId, message.Topic, message.Partition, message.Offset, DeadLetterConfirmTimeout.TotalSeconds);
        }

        Interlocked.Increment(ref _counters.DeadLettered);
        BusLog.DeadLettered(_logger, _options.GroupId, message.Topic, message.Partition, message.Offset, _options.DeadLetterTopic, reason);
        return MessageOutcome.DeadLettered;
    }

    private static string Describe(Exception e) => e is PoisonMessageException ? e.Message : $"{e.GetType().Name}: {e.Message}";
}
