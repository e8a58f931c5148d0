namespace NetworkMachinery.SFlow;

/// <summary>Which parts of a sampled packet header were present and parsed.</summary>
[Flags]
public enum PacketLayers : ushort
{
    /// <summary>Nothing could be parsed.</summary>
    None = 0,

    /// <summary>An Ethernet header (MACs and EtherType).</summary>
    Ethernet = 1 << 0,

    /// <summary>At least one 802.1Q or 802.1ad tag.</summary>
    Vlan = 1 << 1,

    /// <summary>An IPv4 header.</summary>
    IPv4 = 1 << 2,

    /// <summary>An IPv6 header.</summary>
    IPv6 = 1 << 3,

    /// <summary>The packet is an IP fragment (the first one still carries the transport header).</summary>
    Fragment = 1 << 4,

    /// <summary>Source and destination ports (TCP, UDP or SCTP).</summary>
    Ports = 1 << 5,

    /// <summary>TCP flags.</summary>
    TcpFlags = 1 << 6,

    /// <summary>An ICMP or ICMPv6 type and code.</summary>
    Icmp = 1 << 7,
}
