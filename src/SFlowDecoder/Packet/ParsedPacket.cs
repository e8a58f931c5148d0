namespace NetworkMachinery.SFlow;

/// <summary>
/// The fields found in a sampled packet header. <see cref="Layers"/> says which are present; the others are zero.
/// </summary>
public struct ParsedPacket
{
    /// <summary>The layers that were present and parsed.</summary>
    public PacketLayers Layers { get; internal set; }

    /// <summary>Source MAC address.</summary>
    public MacAddress SourceMac { get; internal set; }

    /// <summary>Destination MAC address.</summary>
    public MacAddress DestinationMac { get; internal set; }

    /// <summary>The EtherType of the payload, after any VLAN tags.</summary>
    public ushort EtherType { get; internal set; }

    /// <summary>The outer VLAN id, 0 when untagged.</summary>
    public ushort Vlan { get; internal set; }

    /// <summary>The outer tag's 802.1p priority.</summary>
    public byte VlanPriority { get; internal set; }

    /// <summary>The inner (customer) VLAN id of a QinQ packet, 0 when there is none.</summary>
    public ushort InnerVlan { get; internal set; }

    /// <summary>Source IP address.</summary>
    public IpAddressValue SourceAddress { get; internal set; }

    /// <summary>Destination IP address.</summary>
    public IpAddressValue DestinationAddress { get; internal set; }

    /// <summary>The transport protocol: IPv4's protocol, or IPv6's last next-header after the extension headers.</summary>
    public byte IpProtocol { get; internal set; }

    /// <summary>IPv4 type of service or IPv6 traffic class.</summary>
    public byte Tos { get; internal set; }

    /// <summary>IPv4 time to live or IPv6 hop limit.</summary>
    public byte Ttl { get; internal set; }

    /// <summary>IPv6 flow label.</summary>
    public uint FlowLabel { get; internal set; }

    /// <summary>IPv4 total length or IPv6 payload length plus 40.</summary>
    public ushort IpLength { get; internal set; }

    /// <summary>Fragment offset in 8-byte units; non-zero for all fragments but the first.</summary>
    public ushort FragmentOffset { get; internal set; }

    /// <summary>Transport source port.</summary>
    public ushort SourcePort { get; internal set; }

    /// <summary>Transport destination port.</summary>
    public ushort DestinationPort { get; internal set; }

    /// <summary>TCP flags: FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20, ECE 0x40, CWR 0x80, NS 0x100.</summary>
    public ushort TcpFlags { get; internal set; }

    /// <summary>ICMP or ICMPv6 type.</summary>
    public byte IcmpType { get; internal set; }

    /// <summary>ICMP or ICMPv6 code.</summary>
    public byte IcmpCode { get; internal set; }

    /// <summary>True when an IPv4 or IPv6 header was parsed.</summary>
    public readonly bool HasIp => (Layers & (PacketLayers.IPv4 | PacketLayers.IPv6)) != 0;

    /// <summary>True when <paramref name="layer"/> was parsed.</summary>
    public readonly bool Has(PacketLayers layer) => (Layers & layer) == layer;
}
