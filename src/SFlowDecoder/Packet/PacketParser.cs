using System.Buffers.Binary;

namespace NetworkMachinery.SFlow;

/// <summary>
/// Parses a sampled packet header as far as its bytes go. A header cut short is normal (agents send the first
/// 128 bytes), so the parser stops quietly and <see cref="ParsedPacket.Layers"/> says what it found.
/// </summary>
public static class PacketParser
{
    /// <summary>EtherType of IPv4.</summary>
    public const ushort EtherTypeIPv4 = 0x0800;

    /// <summary>EtherType of IPv6.</summary>
    public const ushort EtherTypeIPv6 = 0x86DD;

    private const ushort EtherTypeVlan = 0x8100;
    private const ushort EtherTypeQinQ = 0x88A8;
    private const ushort EtherTypeQinQLegacy = 0x9100;
    private const int MaxVlanTags = 4;
    private const int MaxIPv6ExtensionHeaders = 8;

    /// <summary>Parses <paramref name="header"/>, which starts with <paramref name="protocol"/>.</summary>
    public static ParsedPacket Parse(HeaderProtocol protocol, ReadOnlySpan<byte> header)
    {
        var packet = default(ParsedPacket);
        Parse(protocol, header, ref packet);
        return packet;
    }

    /// <summary>Parses <paramref name="header"/> into <paramref name="packet"/>, which is cleared first.</summary>
    public static void Parse(HeaderProtocol protocol, ReadOnlySpan<byte> header, ref ParsedPacket packet)
    {
        packet = default;
        switch (protocol)
        {
            case HeaderProtocol.Ethernet:
                ParseEthernet(ref packet, header);
                break;
            case HeaderProtocol.IPv4:
                ParseIPv4(ref packet, header);
                break;
            case HeaderProtocol.IPv6:
                ParseIPv6(ref packet, header);
                break;
        }
    }

    private static void ParseEthernet(ref ParsedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (frame.Length < 14)
        {
            return;
        }

        packet.DestinationMac = MacAddress.Read(frame);
        packet.SourceMac = MacAddress.Read(frame[6..]);
        var etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
        packet.Layers = PacketLayers.Ethernet;
        var offset = 14;
        for (var tags = 0; tags < MaxVlanTags && etherType is EtherTypeVlan or EtherTypeQinQ or EtherTypeQinQLegacy; tags++)
        {
            if (frame.Length < offset + 4)
            {
                packet.EtherType = etherType;
                return;
            }

            var tci = BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]);
            if (tags == 0)
            {
                packet.Vlan = (ushort)(tci & 0x0FFF);
                packet.VlanPriority = (byte)(tci >> 13);
                packet.Layers |= PacketLayers.Vlan;
            }
            else if (tags == 1)
            {
                packet.InnerVlan = (ushort)(tci & 0x0FFF);
            }

            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 2)..]);
            offset += 4;
        }

        packet.EtherType = etherType;
        if (etherType == EtherTypeIPv4)
        {
            ParseIPv4(ref packet, frame[offset..]);
        }
        else if (etherType == EtherTypeIPv6)
        {
            ParseIPv6(ref packet, frame[offset..]);
        }
    }

    private static void ParseIPv4(ref ParsedPacket packet, ReadOnlySpan<byte> ip)
    {
        if (ip.Length < 20 || (ip[0] >> 4) != 4)
        {
            return;
        }

        var headerLength = (ip[0] & 0x0F) * 4;
        if (headerLength < 20)
        {
            return;
        }

        packet.Layers |= PacketLayers.IPv4;
        packet.Tos = ip[1];
        packet.IpLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        var fragment = BinaryPrimitives.ReadUInt16BigEndian(ip[6..]);
        packet.Ttl = ip[8];
        packet.IpProtocol = ip[9];
        packet.SourceAddress = IpAddressValue.FromIPv4(ip[12..]);
        packet.DestinationAddress = IpAddressValue.FromIPv4(ip[16..]);
        packet.FragmentOffset = (ushort)(fragment & 0x1FFF);
        var moreFragments = (fragment & 0x2000) != 0;
        if (moreFragments || packet.FragmentOffset != 0)
        {
            packet.Layers |= PacketLayers.Fragment;
        }

        // Only the first fragment carries the transport header.
        if (packet.FragmentOffset == 0 && ip.Length >= headerLength)
        {
            ParseTransport(ref packet, ip[headerLength..], isIPv6: false);
        }
    }

    private static void ParseIPv6(ref ParsedPacket packet, ReadOnlySpan<byte> ip)
    {
        if (ip.Length < 40 || (ip[0] >> 4) != 6)
        {
            return;
        }

        var first = BinaryPrimitives.ReadUInt32BigEndian(ip);
        packet.Layers |= PacketLayers.IPv6;
        packet.Tos = (byte)(first >> 20);
        packet.FlowLabel = first & 0x000F_FFFF;
        packet.IpLength = (ushort)Math.Min(BinaryPrimitives.ReadUInt16BigEndian(ip[4..]) + 40, ushort.MaxValue);
        packet.Ttl = ip[7];
        packet.SourceAddress = IpAddressValue.FromIPv6(ip[8..]);
        packet.DestinationAddress = IpAddressValue.FromIPv6(ip[24..]);

        var next = ip[6];
        var offset = 40;
        for (var i = 0; i < MaxIPv6ExtensionHeaders; i++)
        {
            int length;
            switch (next)
            {
                case 0 or 43 or 60 or 135 or 139 or 140: // hop-by-hop, routing, destination options, mobility, HIP, shim6
                    if (ip.Length < offset + 2)
                    {
                        packet.IpProtocol = next;
                        return;
                    }

                    length = (ip[offset + 1] + 1) * 8;
                    break;
                case 44: // fragment
                    if (ip.Length < offset + 8)
                    {
                        packet.IpProtocol = next;
                        return;
                    }

                    packet.Layers |= PacketLayers.Fragment;
                    packet.FragmentOffset = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(ip[(offset + 2)..]) >> 3);
                    length = 8;
                    break;
                case 51: // authentication header
                    if (ip.Length < offset + 2)
                    {
                        packet.IpProtocol = next;
                        return;
                    }

                    length = (ip[offset + 1] + 2) * 4;
                    break;
                default:
                    packet.IpProtocol = next;
                    if (packet.FragmentOffset == 0)
                    {
                        ParseTransport(ref packet, ip[offset..], isIPv6: true);
                    }

                    return;
            }

            next = ip[offset];
            offset += length;
            if (offset > ip.Length)
            {
                packet.IpProtocol = next;
                return;
            }
        }

        packet.IpProtocol = next;
    }

    private static void ParseTransport(ref ParsedPacket packet, ReadOnlySpan<byte> transport, bool isIPv6)
    {
        switch (packet.IpProtocol)
        {
            case 6: // TCP
                if (transport.Length >= 4)
                {
                    ReadPorts(ref packet, transport);
                }

                if (transport.Length >= 14)
                {
                    packet.TcpFlags = (ushort)(((transport[12] & 1) << 8) | transport[13]);
                    packet.Layers |= PacketLayers.TcpFlags;
                }

                break;
            case 17 or 132 or 136: // UDP, SCTP, UDP-Lite
                if (transport.Length >= 4)
                {
                    ReadPorts(ref packet, transport);
                }

                break;
            case 1 when !isIPv6:
            case 58 when isIPv6:
                if (transport.Length >= 2)
                {
                    packet.IcmpType = transport[0];
                    packet.IcmpCode = transport[1];
                    packet.Layers |= PacketLayers.Icmp;
                }

                break;
        }
    }

    private static void ReadPorts(ref ParsedPacket packet, ReadOnlySpan<byte> transport)
    {
        packet.SourcePort = BinaryPrimitives.ReadUInt16BigEndian(transport);
        packet.DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(transport[2..]);
        packet.Layers |= PacketLayers.Ports;
    }
}
