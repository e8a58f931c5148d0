using System.Net;
using NetworkMachinery.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.Testing.SFlow;

/// <summary>
/// The datagram a synthetic exporter on loopback sends to report one talker: one flow sample of one sampled 1500-byte
/// Ethernet/IPv4/UDP frame (port 40000 to 5001), from agent 127.0.0.1. Alerting counts it as 1500 bytes times the
/// sampling rate from <c>source</c> to <c>destination</c>.
/// </summary>
public static class TalkerDatagram
{
    /// <summary>The sampled frame's length on the wire.</summary>
    public const uint FrameLength = 1500;

    /// <summary>Builds the datagram with sequence number <paramref name="sequence"/> (datagram and sample alike).</summary>
    public static byte[] Build(IPAddress source, IPAddress destination, uint sequence, uint samplingRate)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var frame = new PacketBuilder().Ethernet(Mac("02:00:00:00:00:01"), Mac("02:00:00:00:00:02"))
            .IPv4(Ip(source.ToString()), Ip(destination.ToString())).Udp(40000, 5001).Payload(64).Build();
        return new SFlowDatagramBuilder().Agent(Ip("127.0.0.1")).SequenceNumber(sequence)
            .FlowSample(s => s.SequenceNumber(sequence).Source(0, 1).SamplingRate(samplingRate).Input(1).Output(2)
                .Record(FlowRecordEncoder.RawPacketHeader(HeaderProtocol.Ethernet, FrameLength, 4, frame)))
            .Build();
    }
}
