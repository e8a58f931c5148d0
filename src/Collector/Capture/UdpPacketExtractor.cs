using System.Buffers.Binary;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Capture;

/// <summary>Finds the UDP datagram in a captured frame of the common link types.</summary>
public static class UdpPacketExtractor
{
    private const int ProtocolUdp = 17;

    /// <summary>Extracts the UDP datagram; false when the frame is not an unfragmented (or first-fragment) UDP packet.</summary>
    public static bool TryExtract(uint linkType, ReadOnlyMemory<byte> frame, out UdpDatagram datagram)
    {
        datagram = default;
        var span = frame.Span;
        int offset;
        switch (linkType)
        {
            case 0: // BSD loopback: a 4-byte address family in host order
                if (span.Length < 4)
                {
                    return false;
                }

                offset = 4;
                break;
            case 1: // Ethernet
                if (!TrySkipEthernet(span, out offset))
                {
                    return false;
                }

                break;
            case 12 or 14 or 101 or 228 or 229: // raw IP
                offset = 0;
                break;
            case 113: // Linux cooked v1: protocol at 14, header 16 bytes
                if (span.Length < 16 || !IsIp(BinaryPrimitives.ReadUInt16BigEndian(span[14..])))
                {
                    return false;
                }

                offset = 16;
                break;
            case 276: // Linux cooked v2: protocol at 0, header 20 bytes
                if (span.Length < 20 || !IsIp(BinaryPrimitives.ReadUInt16BigEndian(span)))
                {
                    return false;
                }

                offset = 20;
                break;
            default:
                return false;
        }

        return TryExtractIp(frame[offset..], out datagram);
    }

    private static bool IsIp(ushort etherType) => etherType is 0x0800 or 0x86DD;

    private static bool TrySkipEthernet(ReadOnlySpan<byte> frame, out int offset)
    {
        offset = 14;
        if (frame.Length < 14)
        {
            return false;
        }

        var etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
        while (etherType is 0x8100 or 0x88A8 or 0x9100)
        {
            if (frame.Length < offset + 4)
            {
                return false;
            }

            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 2)..]);
            offset += 4;
        }

        return IsIp(etherType);
    }

    private static bool TryExtractIp(ReadOnlyMemory<byte> packet, out UdpDatagram datagram)
    {
        datagram = default;
        var ip = packet.Span;
        if (ip.Length < 1)
        {
            return false;
        }

        IpAddressValue source, destination;
        int transport;
        switch (ip[0] >> 4)
        {
            case 4:
                var headerLength = (ip[0] & 0x0F) * 4;
                if (ip.Length < 20 || headerLength < 20 || ip[9] != ProtocolUdp || (BinaryPrimitives.ReadUInt16BigEndian(ip[6..]) & 0x1FFF) != 0)
                {
                    return false;
                }

                source = IpAddressValue.FromIPv4(ip[12..]);
                destination = IpAddressValue.FromIPv4(ip[16..]);
                transport = headerLength;
                break;
            case 6:
                // Only a UDP header straight after the fixed header: sFlow exporters do not add extension headers.
                if (ip.Length < 40 || ip[6] != ProtocolUdp)
                {
                    return false;
                }

                source = IpAddressValue.FromIPv6(ip[8..]);
                destination = IpAddressValue.FromIPv6(ip[24..]);
                transport = 40;
                break;
            default:
                return false;
        }

        if (ip.Length < transport + 8)
        {
            return false;
        }

        var udp = ip[transport..];
        var udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
        var payloadLength = Math.Min(Math.Max(udpLength - 8, 0), udp.Length - 8);
        datagram = new UdpDatagram(
            source,
            BinaryPrimitives.ReadUInt16BigEndian(udp),
            destination,
            BinaryPrimitives.ReadUInt16BigEndian(udp[2..]),
            packet.Slice(transport + 8, payloadLength));
        return true;
    }
}
