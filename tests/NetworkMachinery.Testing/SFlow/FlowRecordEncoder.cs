using NetworkMachinery.SFlow;

namespace NetworkMachinery.Testing.SFlow;

/// <summary>
/// Encodes every flow record the decoder knows, field by field in the order of the sFlow specifications
/// (sflow_version_5.txt, sflow_tunnels.txt). Values come in as the decoder's own record types where it has
/// value types, so a test compares the decoded record with the one it encoded.
/// </summary>
public static class FlowRecordEncoder
{
    /// <summary>Record 1, <c>sampled_header</c>.</summary>
    public static SFlowStructure RawPacketHeader(HeaderProtocol protocol, uint frameLength, uint stripped, ReadOnlySpan<byte> header)
    {
        var writer = new XdrWriter().WriteUInt32((uint)protocol).WriteUInt32(frameLength).WriteUInt32(stripped).WriteVariableOpaque(header);
        return new SFlowStructure((uint)FlowRecordFormat.RawPacketHeader, writer.ToArray());
    }

    /// <summary>Record 2, <c>sampled_ethernet</c>, or the same layout as 1021/1022 (outer Ethernet header of a tunnel).</summary>
    public static SFlowStructure Ethernet(SampledEthernet value, FlowRecordFormat format = FlowRecordFormat.Ethernet) =>
        SFlowStructure.Create((uint)format, w => w
            .WriteUInt32(value.Length)
            .WriteMac(value.SourceMac)
            .WriteMac(value.DestinationMac)
            .WriteUInt32(value.EtherType));

    /// <summary>Record 3, <c>sampled_ipv4</c>, or the same layout as 1023/1024 (outer IPv4 header of a tunnel).</summary>
    public static SFlowStructure IPv4(SampledIPv4 value, FlowRecordFormat format = FlowRecordFormat.IPv4) =>
        SampledIp(format, value.Length, value.Protocol, value.SourceAddress, value.DestinationAddress, value.SourcePort, value.DestinationPort, value.TcpFlags, value.Tos);

    /// <summary>Record 4, <c>sampled_ipv6</c>, or the same layout as 1025/1026 (outer IPv6 header of a tunnel).</summary>
    public static SFlowStructure IPv6(SampledIPv6 value, FlowRecordFormat format = FlowRecordFormat.IPv6) =>
        SampledIp(format, value.Length, value.Protocol, value.SourceAddress, value.DestinationAddress, value.SourcePort, value.DestinationPort, value.TcpFlags, value.Priority);

    /// <summary>Record 1001, <c>extended_switch</c>.</summary>
    public static SFlowStructure ExtendedSwitch(ExtendedSwitch value) =>
        SFlowStructure.Create((uint)FlowRecordFormat.ExtendedSwitch, w => w
            .WriteUInt32(value.SourceVlan)
            .WriteUInt32(value.SourcePriority)
            .WriteUInt32(value.DestinationVlan)
            .WriteUInt32(value.DestinationPriority));

    /// <summary>Record 1002, <c>extended_router</c>.</summary>
    public static SFlowStructure ExtendedRouter(ExtendedRouter value) =>
        SFlowStructure.Create((uint)FlowRecordFormat.ExtendedRouter, w => w
            .WriteAddress(value.NextHop)
            .WriteUInt32(value.SourceMaskLength)
            .WriteUInt32(value.DestinationMaskLength));

    /// <summary>Record 1003, <c>extended_gateway</c>.</summary>
    public static SFlowStructure ExtendedGateway(
        IpAddressValue nextHop,
        uint asNumber,
        uint sourceAs,
        uint sourcePeerAs,
        IReadOnlyList<AsPathSegmentValue> destinationAsPath,
        IReadOnlyList<uint> communities,
        uint localPreference)
    {
        ArgumentNullException.ThrowIfNull(destinationAsPath);
        ArgumentNullException.ThrowIfNull(communities);
        var writer = new XdrWriter().WriteAddress(nextHop).WriteUInt32(asNumber).WriteUInt32(sourceAs).WriteUInt32(sourcePeerAs);
        writer.WriteUInt32((uint)destinationAsPath.Count);
        foreach (var segment in destinationAsPath)
        {
            writer.WriteUInt32(segment.Type).WriteUInt32List([.. segment.Numbers]);
        }

        writer.WriteUInt32List([.. communities]).WriteUInt32(localPreference);
        return new SFlowStructure((uint)FlowRecordFormat.ExtendedGateway, writer.ToArray());
    }

    /// <summary>Record 1004, <c>extended_user</c>.</summary>
    public static SFlowStructure ExtendedUser(uint sourceCharset, ReadOnlySpan<byte> sourceUser, uint destinationCharset, ReadOnlySpan<byte> destinationUser)
    {
        var writer = new XdrWriter().WriteUInt32(sourceCharset).WriteVariableOpaque(sourceUser)
            .WriteUInt32(destinationCharset).WriteVariableOpaque(destinationUser);
        return new SFlowStructure((uint)FlowRecordFormat.ExtendedUser, writer.ToArray());
    }

    /// <summary>Record 1005, <c>extended_url</c>.</summary>
    public static SFlowStructure ExtendedUrl(uint direction, ReadOnlySpan<byte> url, ReadOnlySpan<byte> host)
    {
        var writer = new XdrWriter().WriteUInt32(direction).WriteVariableOpaque(url).WriteVariableOpaque(host);
        return new SFlowStructure((uint)FlowRecordFormat.ExtendedUrl, writer.ToArray());
    }

    /// <summary>Record 1006, <c>extended_mpls</c>.</summary>
    public static SFlowStructure ExtendedMpls(IpAddressValue nextHop, IReadOnlyList<uint> inLabels, IReadOnlyList<uint> outLabels)
    {
        ArgumentNullException.ThrowIfNull(inLabels);
        ArgumentNullException.ThrowIfNull(outLabels);
        return SFlowStructure.Create((uint)FlowRecordFormat.ExtendedMpls, w => w
            .WriteAddress(nextHop)
            .WriteUInt32List([.. inLabels])
            .WriteUInt32List([.. outLabels]));
    }

    /// <summary>Record 1007, <c>extended_nat</c>.</summary>
    public static SFlowStructure ExtendedNat(ExtendedNat value) =>
        SFlowStructure.Create((uint)FlowRecordFormat.ExtendedNat, w => w
            .WriteAddress(value.SourceAddress)
            .WriteAddress(value.DestinationAddress));

    /// <summary>Records 1027/1028, <c>extended_decapsulate_egress/ingress</c>.</summary>
    public static SFlowStructure ExtendedDecapsulation(FlowRecordFormat format, ExtendedDecapsulation value) =>
        SFlowStructure.Create((uint)format, w => w.WriteUInt32(value.InnerHeaderOffset));

    /// <summary>Records 1029/1030, <c>extended_vni_egress/ingress</c>.</summary>
    public static SFlowStructure ExtendedVni(FlowRecordFormat format, ExtendedVni value) =>
        SFlowStructure.Create((uint)format, w => w.WriteUInt32(value.Vni));

    /// <summary>The shared layout of <c>sampled_ipv4</c> and <c>sampled_ipv6</c>: they differ in address size and in the meaning of the last word (ToS or priority).</summary>
    private static SFlowStructure SampledIp(
        FlowRecordFormat format,
        uint length,
        uint protocol,
        IpAddressValue source,
        IpAddressValue destination,
        uint sourcePort,
        uint destinationPort,
        uint tcpFlags,
        uint tosOrPriority) =>
        SFlowStructure.Create((uint)format, w => w
            .WriteUInt32(length)
            .WriteUInt32(protocol)
            .WriteAddressBytes(source)
            .WriteAddressBytes(destination)
            .WriteUInt32(sourcePort)
            .WriteUInt32(destinationPort)
            .WriteUInt32(tcpFlags)
            .WriteUInt32(tosOrPriority));
}
