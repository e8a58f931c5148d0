namespace NetworkMachinery.Operator.Entities;

/// <summary>The values of <see cref="MonitorFlow.Keys"/>: packet and sample fields a flow can be keyed by.</summary>
public static class FlowKey
{
    /// <summary>The sFlow agent's address (the switch or host that sampled the packet).</summary>
    public const string Agent = "agent";

    /// <summary>The input interface index.</summary>
    public const string InIf = "inIf";

    /// <summary>The output interface index.</summary>
    public const string OutIf = "outIf";

    /// <summary>The source MAC address.</summary>
    public const string SrcMac = "srcMac";

    /// <summary>The destination MAC address.</summary>
    public const string DstMac = "dstMac";

    /// <summary>The EtherType.</summary>
    public const string Etype = "etype";

    /// <summary>The 802.1Q VLAN id.</summary>
    public const string Vlan = "vlan";

    /// <summary>The source IP address.</summary>
    public const string SrcAddr = "srcAddr";

    /// <summary>The destination IP address.</summary>
    public const string DstAddr = "dstAddr";

    /// <summary>The IP protocol number.</summary>
    public const string Proto = "proto";

    /// <summary>The IP type of service (DSCP and ECN) byte.</summary>
    public const string Tos = "tos";

    /// <summary>The TCP or UDP source port.</summary>
    public const string SrcPort = "srcPort";

    /// <summary>The TCP or UDP destination port.</summary>
    public const string DstPort = "dstPort";

    /// <summary>The TCP flags.</summary>
    public const string TcpFlags = "tcpFlags";

    /// <summary>The ICMP type.</summary>
    public const string IcmpType = "icmpType";

    /// <summary>The ICMP code.</summary>
    public const string IcmpCode = "icmpCode";

    /// <summary>The VXLAN network identifier of a tunnelled packet.</summary>
    public const string Vni = "vni";
}
