using System.Buffers.Binary;
using Google.Protobuf;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Operator.Filters;

/// <summary>
/// The fields of one flow record that filters and flow keys read, unpacked once per record so that every filter and
/// key set after it reads plain integers. Addresses are 128-bit: an IPv4 address is held IPv4-mapped (::ffff:a.b.c.d),
/// so one prefix test serves both families; a record without an IP header has the address 0 (::).
/// </summary>
internal struct FlowFields
{
    /// <summary>The agent's address.</summary>
    public UInt128 Agent;

    /// <summary>The source IP address.</summary>
    public UInt128 SrcAddr;

    /// <summary>The destination IP address.</summary>
    public UInt128 DstAddr;

    /// <summary>The source MAC address (48 low bits).</summary>
    public ulong SrcMac;

    /// <summary>The destination MAC address (48 low bits).</summary>
    public ulong DstMac;

    /// <summary>Input interface index.</summary>
    public uint InIf;

    /// <summary>Output interface index.</summary>
    public uint OutIf;

    /// <summary>EtherType.</summary>
    public uint Etype;

    /// <summary>VLAN id.</summary>
    public uint Vlan;

    /// <summary>IP protocol.</summary>
    public uint Proto;

    /// <summary>IP type of service.</summary>
    public uint Tos;

    /// <summary>TCP or UDP source port.</summary>
    public uint SrcPort;

    /// <summary>TCP or UDP destination port.</summary>
    public uint DstPort;

    /// <summary>TCP flags.</summary>
    public uint TcpFlags;

    /// <summary>ICMP type.</summary>
    public uint IcmpType;

    /// <summary>ICMP code.</summary>
    public uint IcmpCode;

    /// <summary>VXLAN network identifier; the flow messages do not carry it yet, so it is always 0.</summary>
    public uint Vni;

    /// <summary>Unpacks <paramref name="flow"/> into this value, overwriting every field.</summary>
    /// <param name="flow">A decoded flow record.</param>
    public void Load(FlowMessage flow)
    {
        Agent = Address(flow.SamplerAddress);
        SrcAddr = Address(flow.SrcAddr);
        DstAddr = Address(flow.DstAddr);
        SrcMac = flow.SrcMac;
        DstMac = flow.DstMac;
        InIf = flow.InIf;
        OutIf = flow.OutIf;
        Etype = flow.Etype;
        Vlan = flow.VlanId;
        Proto = flow.Proto;
        Tos = flow.IpTos;
        SrcPort = flow.SrcPort;
        DstPort = flow.DstPort;
        TcpFlags = flow.TcpFlags;
        IcmpType = flow.IcmpType;
        IcmpCode = flow.IcmpCode;
        Vni = 0;
    }

    /// <summary>An address of 4 or 16 bytes as a 128-bit number (IPv4 mapped into IPv6); 0 for any other length.</summary>
    /// <param name="address">The address bytes, network order.</param>
    /// <returns>The address.</returns>
    public static UInt128 Address(ByteString address) => Address(address.Span);

    /// <inheritdoc cref="Address(ByteString)"/>
    public static UInt128 Address(ReadOnlySpan<byte> address) => address.Length switch
    {
        4 => IPv4Mapped | BinaryPrimitives.ReadUInt32BigEndian(address),
        16 => BinaryPrimitives.ReadUInt128BigEndian(address),
        _ => UInt128.Zero,
    };

    /// <summary>::ffff:0.0.0.0, the prefix of IPv4-mapped addresses.</summary>
    public static readonly UInt128 IPv4Mapped = (UInt128)0xffff << 32;
}
