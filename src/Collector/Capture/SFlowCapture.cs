using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Capture;

/// <summary>Finds the sFlow datagrams in a capture: UDP payloads that start like an sFlow version 5 datagram.</summary>
public static class SFlowCapture
{
    /// <summary>
    /// The sFlow datagrams of <paramref name="capture"/>, in order. Each datagram's payload is only valid until the next
    /// one is read. Other packets are skipped and counted with <paramref name="skipped"/>.
    /// </summary>
    /// <param name="capture">The capture.</param>
    /// <param name="port">Only datagrams sent to this UDP port; any port when null.</param>
    /// <param name="skipped">Called for each packet that is not an sFlow datagram.</param>
    /// <exception cref="PcapFormatException">The capture is damaged.</exception>
    public static IEnumerable<UdpDatagram> ReadDatagrams(PcapReader capture, int? port = null, Action? skipped = null)
    {
        while (capture.TryReadPacket(out var packet))
        {
            if (UdpPacketExtractor.TryExtract(packet.LinkType, packet.Data, out var udp)
                && (port is null || udp.DestinationPort == port)
                && SFlowDatagramReader.LooksLikeSFlow(udp.Payload.Span))
            {
                yield return udp;
            }
            else
            {
                skipped?.Invoke();
            }
        }
    }

    /// <summary>Loads every sFlow datagram payload of the capture at <paramref name="path"/> into memory.</summary>
    /// <exception cref="PcapFormatException">The file is not a capture, or is damaged.</exception>
    /// <exception cref="InvalidDataException">The capture holds no sFlow datagrams.</exception>
    public static byte[][] LoadPayloads(string path)
    {
        using var capture = PcapReader.Open(path);
        var payloads = ReadDatagrams(capture).Select(udp => udp.Payload.ToArray()).ToArray();
        return payloads.Length > 0 ? payloads : throw new InvalidDataException($"{path} holds no sFlow datagrams");
    }
}
