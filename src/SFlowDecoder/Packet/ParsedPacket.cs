namespace NetworkMachinery.SFlow;

/// <summary>
/// The fields found in a sampled packet header. <see cref="Layers"/> says which are present; the others are zero.
/// </summary>
/// <remarks>
/// Plain fields, so the parser can fill it in place inside a larger record (the collector's flow records) rather
/// than return it and have every field copied.
/// </remarks>
public struct ParsedPacket
{
    /// <summary>The layers that were present and parsed.</summary>
    public PacketLayers Layers;

    /// <summary>Source MAC address.</summary>
    public MacAddress SourceMac;

    /// <summary>Destination MAC address.</summary>
    public MacAddress DestinationMac;

    /// <summary>The EtherType of the payload, after any VLAN tags.</summary>
    public ushort EtherType;

    /// <summary>The outer VLAN id, 0 when untagged.</summary>
    public ushort Vlan;

    /// <summary>The outer tag's 802.1p priority.</summary>
    public byte VlanPriority;

    /// <summary>The inner (customer) VLAN id of a QinQ packet, 0 when there is none.</summary>
    public ushort InnerVlan;

    /// <summary>Source IP address.</summary>
    public IpAddressValue SourceAddress;

    /// <summary>Destination IP address.</summary>
    public IpAddressValue DestinationAddress;

    /// <summary>The transport protocol: IPv4's protocol, or IPv6's last next-header after the extension headers.</summary>
    public byte IpProtocol;

    /// <summary>IPv4 type of service or IPv6 traffic class.</summary>
    public byte Tos;

    /// <summary>IPv4 time to live or IPv6 hop limit.</summary>
    public byte Ttl;

    /// <summary>IPv6 flow label.</summary>
    public uint FlowLabel;

    /// <summary>IPv4 total length or IPv6 payload length plus 40.</summary>
    public ushort IpLength;

    /// <summary>Fragment offset in 8-byte units; non-zero for all fragments but the first.</summary>
    public ushort FragmentOffset;

    /// <summary>Transport source port.</summary>
    public ushort SourcePort;

    /// <summary>Transport destination port.</summary>
    public ushort DestinationPort;

    /// <summary>TCP flags: FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20, ECE 0x40, CWR 0x80, NS 0x100.</summary>
    public ushort TcpFlags;

    /// <summary>ICMP or ICMPv6 type.</summary>
    public byte IcmpType;

    /// <summary>ICMP or ICMPv6 code.</summary>
    public byte IcmpCode;

    /// <summary>True when an IPv4 or IPv6 header was parsed.</summary>
    public readonly bool HasIp => (Layers & (PacketLayers.IPv4 | PacketLayers.IPv6)) != 0;

    /// <summary>True when <paramref name="layer"/> was parsed.</summary>
    public readonly bool Has(PacketLayers layer) => (Layers & layer) == layer;
}
