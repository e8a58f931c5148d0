using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Collector.Hosting;
using NetworkMachinery.Collector.Ingest;
using NetworkMachinery.Collector.Sinks;
using NetworkMachinery.Testing.Polling;

namespace NetworkMachinery.Collector.Tests.Support;

/// <summary>A running collector on a loopback port, and a socket to send it datagrams.</summary>
internal sealed class LoopbackCollector : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Socket _sender = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public LoopbackCollector(IRecordSink? sink = null, Func<SocketOptions, SocketOptions>? configure = null, Func<CollectorOptions, CollectorOptions>? configureCollector = null)
    {
        var socket = new SocketOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), ReceiveLoops = 1 };
        var options = new CollectorOptions { Socket = configure?.Invoke(socket) ?? socket };
        Sink = sink ?? Captured;
        Collector = new SFlowCollector(configureCollector?.Invoke(options) ?? options, Sink, NullLoggerFactory.Instance);
        Collector.Start();
    }

    /// <summary>What the collector wrote, when no other sink was given.</summary>
    public CapturingSink Captured { get; } = new();

    public IRecordSink Sink { get; }

    public SFlowCollector Collector { get; }

    public void Send(byte[] datagram) => _sender.SendTo(datagram, Collector.LocalEndPoint!);

    /// <summary>Waits until the collector has finished with <paramref name="count"/> received datagrams (decoded, malformed or dropped).</summary>
    public async Task<CollectorStatistics> WaitForProcessedAsync(long count)
    {
        var done = await Poll.UntilAsync(
            () =>
            {
                var s = Collector.GetStatistics();
                return s.DatagramsDecoded + s.DatagramsMalformed + s.DroppedOversize >= count;
            },
            Timeout);
        var statistics = Collector.GetStatistics();
        Assert.True(done, $"collector did not process {count} datagrams in time: {statistics}");
        return statistics;
    }

    public async ValueTask DisposeAsync()
    {
        _sender.Dispose();
        await Collector.DisposeAsync();
    }
}
