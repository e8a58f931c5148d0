namespace NetworkMachinery.Collector.Capture;

/// <summary>One captured packet. <see cref="Data"/> is only valid until the reader reads the next packet.</summary>
/// <param name="Timestamp">When the packet was captured.</param>
/// <param name="LinkType">The capture's link-layer type (1 Ethernet, 113 Linux cooked, ...).</param>
/// <param name="Data">The captured bytes.</param>
/// <param name="OriginalLength">The packet's length on the wire; more than <c>Data.Length</c> when the capture was cut short.</param>
public readonly record struct PcapPacket(DateTimeOffset Timestamp, uint LinkType, ReadOnlyMemory<byte> Data, int OriginalLength);
