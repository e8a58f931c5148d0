using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Capture;

/// <summary>A UDP datagram found in a captured frame.</summary>
/// <param name="Source">Sender address.</param>
/// <param name="SourcePort">Sender port.</param>
/// <param name="Destination">Receiver address.</param>
/// <param name="DestinationPort">Receiver port.</param>
/// <param name="Payload">The UDP payload (as captured; shorter than sent if the capture cut it).</param>
public readonly record struct UdpDatagram(IpAddressValue Source, ushort SourcePort, IpAddressValue Destination, ushort DestinationPort, ReadOnlyMemory<byte> Payload);
