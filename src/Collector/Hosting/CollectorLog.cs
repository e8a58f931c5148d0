using Microsoft.Extensions.Logging;

namespace NetworkMachinery.Collector.Hosting;

/// <summary>The collector's log messages, with stable event ids.</summary>
internal static partial class CollectorLog
{
    [LoggerMessage(1, LogLevel.Information, "Listening for sFlow on {Endpoint} with {Loops} receive loop(s), socket receive buffer {BufferBytes} bytes")]
    public static partial void Listening(ILogger logger, string endpoint, int loops, int bufferBytes);

    [LoggerMessage(2, LogLevel.Warning, "Socket receive buffer is {ActualBytes} bytes, less than the {RequestedBytes} requested; bursts may be dropped by the kernel. Raise net.core.rmem_max or run with CAP_NET_ADMIN")]
    public static partial void SmallReceiveBuffer(ILogger logger, int actualBytes, int requestedBytes);

    [LoggerMessage(3, LogLevel.Critical, "Receive loop {Loop} failed; it stopped receiving")]
    public static partial void ReceiveLoopFailed(ILogger logger, string? loop, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Receive loop {Loop}: recvmmsg failed with errno {Errno}")]
    public static partial void ReceiveError(ILogger logger, string? loop, int errno);

    [LoggerMessage(5, LogLevel.Warning, "Malformed sFlow datagram from {Sender}: {Reason} at byte {Offset} of {Length}{Suppressed}")]
    public static partial void MalformedDatagram(ILogger logger, string sender, string reason, int offset, int length, string suppressed);

    [LoggerMessage(6, LogLevel.Critical, "Decode worker {Worker} failed; its receive loop's datagrams are no longer decoded")]
    public static partial void DecodeWorkerFailed(ILogger logger, int worker, Exception exception);

    [LoggerMessage(7, LogLevel.Information, "Agent {Agent} sub-agent {SubAgent} restarted (sequence {Sequence}, uptime {UptimeMs} ms)")]
    public static partial void AgentRestarted(ILogger logger, string agent, uint subAgent, uint sequence, uint uptimeMs);

    [LoggerMessage(8, LogLevel.Error, "Record sink {Sink} failed; its records are dropped and counted")]
    public static partial void SinkFailed(ILogger logger, string sink, Exception exception);

    [LoggerMessage(9, LogLevel.Information, "Prometheus metrics on http://{Endpoint}/metrics")]
    public static partial void MetricsListening(ILogger logger, string endpoint);

    [LoggerMessage(11, LogLevel.Error, "Export to the bus failed for a batch of records; they are lost, the export goes on")]
    public static partial void ExportFailed(ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Debug, "Warmed up in {Milliseconds} ms: {Datagrams} datagrams, {Methods} methods compiled{Limit}")]
    public static partial void WarmedUp(ILogger logger, long milliseconds, long datagrams, long methods, string limit);
}
