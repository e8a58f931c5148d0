using System.Net;

namespace NetworkMachinery.Collector.Ingest;

/// <summary>How the collector listens for sFlow.</summary>
public sealed record SocketOptions
{
    /// <summary>The standard sFlow port.</summary>
    public const int DefaultPort = 6343;

    /// <summary>Where to listen; <c>[::]:6343</c> (dual stack, every address) by default. Port 0 picks a free port.</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.IPv6Any, DefaultPort);

    /// <summary>Receive loops, each with its own SO_REUSEPORT socket and decode worker. Defaults to one per core, at most 4.</summary>
    public int ReceiveLoops { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Requested kernel receive buffer per socket, in bytes: absorbs bursts while a loop is busy.</summary>
    public int ReceiveBufferBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Datagrams fetched per <c>recvmmsg</c> call.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Largest datagram accepted; longer ones are dropped and counted as oversize. sFlow agents send at most about 1,500 bytes by default.</summary>
    public int MaxDatagramBytes { get; init; } = 9_216;

    /// <summary>
    /// After a receive that drained the socket, how long a loop waits before the next one, so that datagrams arrive
    /// in batches rather than one wake-up (of the loop and of its decode worker) each. The kernel holds what arrives
    /// meanwhile; it adds at most this much latency. Zero receives each datagram as soon as it arrives.
    /// </summary>
    public TimeSpan CoalesceDelay { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Bytes a receive loop may queue for its decode worker before it drops datagrams rather than block the socket.</summary>
    public int QueueBytes { get; init; } = 32 * 1024 * 1024;
}
