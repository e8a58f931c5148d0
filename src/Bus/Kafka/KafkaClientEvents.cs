using System.Collections.Concurrent;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace NetworkMachinery.Bus.Kafka;

/// <summary>
/// Where the librdkafka clients of a bus report errors and log lines: counted by error code (an unreachable broker
/// is an error the clients ride out by reconnecting with backoff, so it is counted and logged, not thrown), and
/// passed to the logger.
/// </summary>
internal sealed class KafkaClientEvents
{
    // A broker that is down is reported at every reconnection attempt: once per this interval and error is enough.
    private static readonly TimeSpan RepeatInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Client, ErrorCode Code), Repeats> _logged = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public KafkaClientEvents(ILogger logger, TimeProvider time)
    {
        _logger = logger;
        _time = time;
    }

    /// <summary>Errors reported by the clients so far, by error code.</summary>
    public IReadOnlyDictionary<string, long> Errors => new Dictionary<string, long>(_errors);

    /// <summary>Counts and logs a client's error; fatal ones (the client can do nothing more) are logged as critical.</summary>
    public void OnError(string client, Error error)
    {
        _errors.AddOrUpdate(error.Code.ToString(), 1, static (_, count) => count + 1);
        if (error.IsFatal)
        {
            BusLog.FatalClientError(_logger, client, error.Reason, error.Code.ToString());
            return;
        }

        var repeats = _logged.GetOrAdd((client, error.Code), static _ => new Repeats());
        var now = _time.GetUtcNow();
        long suppressed;
        lock (repeats)
        {
            if (now - repeats.LastLogged < RepeatInterval)
            {
                repeats.Suppressed++;
                return;
            }

            suppressed = repeats.Suppressed;
            repeats.Suppressed = 0;
            repeats.LastLogged = now;
        }

        BusLog.ClientError(_logger, client, error.Reason, error.Code.ToString(), suppressed == 0 ? "" : $"; {suppressed} more like it since the last report");
    }

    /// <summary>librdkafka's own log lines: diagnostics (its errors arrive through <see cref="OnError"/> as well), so at debug level.</summary>
    public void OnLog(string client, LogMessage message)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            BusLog.ClientLog(_logger, LogLevel.Debug, client, message.Facility, message.Message);
        }
    }

    private sealed class Repeats
    {
        public DateTimeOffset LastLogged { get; set; } = DateTimeOffset.MinValue;

        public long Suppressed { get; set; }
    }
}
