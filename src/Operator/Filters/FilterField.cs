namespace NetworkMachinery.Operator.Filters;

/// <summary>The flow fields a filter or a flow key names; the names are those of <see cref="Entities.FlowKey"/>.</summary>
internal enum FilterField
{
    /// <summary><c>agent</c>.</summary>
    Agent,

    /// <summary><c>inIf</c>.</summary>
    InIf,

    /// <summary><c>outIf</c>.</summary>
    OutIf,

    /// <summary><c>srcMac</c>.</summary>
    SrcMac,

    /// <summary><c>dstMac</c>.</summary>
    DstMac,

    /// <summary><c>etype</c>.</summary>
    Etype,

    /// <summary><c>vlan</c>.</summary>
    Vlan,

    /// <summary><c>srcAddr</c>.</summary>
    SrcAddr,

    /// <summary><c>dstAddr</c>.</summary>
    DstAddr,

    /// <summary><c>proto</c>.</summary>
    Proto,

    /// <summary><c>tos</c>.</summary>
    Tos,

    /// <summary><c>srcPort</c>.</summary>
    SrcPort,

    /// <summary><c>dstPort</c>.</summary>
    DstPort,

    /// <summary><c>tcpFlags</c>.</summary>
    TcpFlags,

    /// <summary><c>icmpType</c>.</summary>
    IcmpType,

    /// <summary><c>icmpCode</c>.</summary>
    IcmpCode,

    /// <summary><c>vni</c>.</summary>
    Vni,
}
