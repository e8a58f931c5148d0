using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NetworkMachinery.Collector.Hosting;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Decode;

/// <summary>
/// Logs malformed datagrams at most once per interval across all workers, saying how many were not logged in between,
/// so a broken or hostile agent cannot flood the log. Every malformed datagram is still counted in the metrics.
/// </summary>
internal sealed class MalformedDatagramLog(ILogger logger, TimeSpan interval)
{
    private readonly long _intervalTicks = (long)(interval.TotalSeconds * Stopwatch.Frequency);
    private long _nextAllowed;
    private long _suppressed;

    public void Report(SFlowError error, IpAddressValue sender, ushort senderPort, int length)
    {
        var now = Stopwatch.GetTimestamp();
        var next = Volatile.Read(ref _nextAllowed);
        if (now < next || Interlocked.CompareExchange(ref _nextAllowed, now + _intervalTicks, next) != next)
        {
            Interlocked.Increment(ref _suppressed);
            return;
        }

        var suppressed = Interlocked.Exchange(ref _suppressed, 0);
        CollectorLog.MalformedDatagram(
            logger,
            $"{sender}:{senderPort}",
            error.Reason,
            error.Offset,
            length,
            suppressed == 0 ? string.Empty : $" ({suppressed} more malformed datagrams not logged since the last message)");
    }
}
