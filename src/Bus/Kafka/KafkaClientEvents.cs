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
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    public KafkaClientEvents(ILogger logger) => _logger = logger;

    /// <summary>Errors reported by the clients so far, by error code.</summary>
    public IReadOnlyDictionary<string, long> Errors => new Dictionary<string, long>(_errors);

    /// <summary>Set once a client reported a fatal error (it can do nothing more).</summary>
    public bool Fatal { get; private set; }

    public void OnError(string client, Error error)
    {
        _errors.AddOrUpdate(error.Code.ToString(), 1, static (_, count) => count + 1);
        if (error.IsFatal)
        {
            Fatal = true;
            BusLog.FatalClientError(_logger, client, error.Reason, error.Code.ToString());
        }
        else
        {
            BusLog.ClientError(_logger, client, error.Reason, error.Code.ToString());
        }
    }

    public void OnLog(string client, LogMessage message)
    {
        var level = message.Level switch
        {
            SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical or SyslogLevel.Error => LogLevel.Error,
            SyslogLevel.Warning => LogLevel.Warning,
            SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        if (_logger.IsEnabled(level))
        {
            BusLog.ClientLog(_logger, level, client, message.Facility, message.Message);
        }
    }
}
