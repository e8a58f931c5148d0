using System.Text.Json;

namespace NetworkMachinery.SFlow.Json;

/// <content>Flow records.</content>
public static partial class SampleJsonWriter
{
    /// <summary>Writes a flow record's fields; false when the format is unknown. A decode error sets <paramref name="error"/>.</summary>
    private static bool TryWriteFlowRecord(Utf8JsonWriter writer, SFlowRecord record, out SFlowError error)
    {
        error = default;
        switch (record.FlowFormat)
        {
            case FlowRecordFormat.RawPacketHeader:
                writer.WriteString("name", "rawPacketHeader");
                if (record.TryRead<RawPacketHeader>(out var raw, out error))
                {
                    WriteRawPacketHeader(writer, raw);
                }

                return true;
            case FlowRecordFormat.Ethernet:
            case FlowRecordFormat.ExtendedL2TunnelEgress:
            case FlowRecordFormat.ExtendedL2TunnelIngress:
                writer.WriteString("name", FlowRecordName(record.FlowFormat));
                if (record.TryRead<SampledEthernet>(out var ethernet, out error))
                {
                    writer.WriteNumber("length", ethernet.Length);
                    writer.WriteMac("srcMac", ethernet.SourceMac);
                    writer.WriteMac("dstMac", ethernet.DestinationMac);
                    writer.WriteNumber("etherType", ethernet.EtherType);
                }

                return true;
            case FlowRecordFormat.IPv4:
            case FlowRecordFormat.ExtendedIPv4TunnelEgress:
            case FlowRecordFormat.ExtendedIPv4TunnelIngress:
                writer.WriteString("name", FlowRecordName(record.FlowFormat));
                if (record.TryRead<SampledIPv4>(out var ipv4, out error))
                {
                    WriteSampledIp(writer, ipv4.Length, ipv4.Protocol, ipv4.SourceAddress, ipv4.DestinationAddress, ipv4.SourcePort, ipv4.DestinationPort, ipv4.TcpFlags);
                    writer.WriteNumber("tos", ipv4.Tos);
                }

                return true;
            case FlowRecordFormat.IPv6:
            case FlowRecordFormat.ExtendedIPv6TunnelEgress:
            case FlowRecordFormat.ExtendedIPv6TunnelIngress:
                writer.WriteString("name", FlowRecordName(record.FlowFormat));
                if (record.TryRead<SampledIPv6>(out var ipv6, out error))
                {
                    WriteSampledIp(writer, ipv6.Length, ipv6.Protocol, ipv6.SourceAddress, ipv6.DestinationAddress, ipv6.SourcePort, ipv6.DestinationPort, ipv6.TcpFlags);
                    writer.WriteNumber("priority", ipv6.Priority);
                }

                return true;
            case FlowRecordFormat.ExtendedSwitch:
                writer.WriteString("name", "extendedSwitch");
                if (record.TryRead<ExtendedSwitch>(out var sw, out error))
                {
                    writer.WriteNumber("srcVlan", sw.SourceVlan);
                    writer.WriteNumber("srcPriority", sw.SourcePriority);
                    writer.WriteNumber("dstVlan", sw.DestinationVlan);
                    writer.WriteNumber("dstPriority", sw.DestinationPriority);
                }

                return true;
            case FlowRecordFormat.ExtendedRouter:
                writer.WriteString("name", "extendedRouter");
                if (record.TryRead<ExtendedRouter>(out var router, out error))
                {
                    writer.WriteAddress("nextHop", router.NextHop);
                    writer.WriteNumber("srcMaskLength", router.SourceMaskLength);
                    writer.WriteNumber("dstMaskLength", router.DestinationMaskLength);
                }

                return true;
            case FlowRecordFormat.ExtendedGateway:
                writer.WriteString("name", "extendedGateway");
                if (record.TryRead<ExtendedGateway>(out var gateway, out error))
                {
                    WriteGateway(writer, gateway);
                }

                return true;
            case FlowRecordFormat.ExtendedUser:
                writer.WriteString("name", "extendedUser");
                if (record.TryRead<ExtendedUser>(out var user, out error))
                {
                    writer.WriteNumber("srcCharset", user.SourceCharset);
                    writer.WriteText("srcUser", user.SourceUser);
                    writer.WriteNumber("dstCharset", user.DestinationCharset);
                    writer.WriteText("dstUser", user.DestinationUser);
                }

                return true;
            case FlowRecordFormat.ExtendedUrl:
                writer.WriteString("name", "extendedUrl");
                if (record.TryRead<ExtendedUrl>(out var url, out error))
                {
                    writer.WriteNumber("direction", url.Direction);
                    writer.WriteText("url", url.Url);
                    writer.WriteText("host", url.Host);
                }

                return true;
            case FlowRecordFormat.ExtendedMpls:
                writer.WriteString("name", "extendedMpls");
                if (record.TryRead<ExtendedMpls>(out var mpls, out error))
                {
                    writer.WriteAddress("nextHop", mpls.NextHop);
                    WriteNumbers(writer, "inLabels", mpls.InLabels);
                    WriteNumbers(writer, "outLabels", mpls.OutLabels);
                }

                return true;
            case FlowRecordFormat.ExtendedNat:
                writer.WriteString("name", "extendedNat");
                if (record.TryRead<ExtendedNat>(out var nat, out error))
                {
                    writer.WriteAddress("srcAddress", nat.SourceAddress);
                    writer.WriteAddress("dstAddress", nat.DestinationAddress);
                }

                return true;
            case FlowRecordFormat.ExtendedDecapsulateEgress:
            case FlowRecordFormat.ExtendedDecapsulateIngress:
                writer.WriteString("name", FlowRecordName(record.FlowFormat));
                if (record.TryRead<ExtendedDecapsulation>(out var decap, out error))
                {
                    writer.WriteNumber("innerHeaderOffset", decap.InnerHeaderOffset);
                }

                return true;
            case FlowRecordFormat.ExtendedVniEgress:
            case FlowRecordFormat.ExtendedVniIngress:
                writer.WriteString("name", FlowRecordName(record.FlowFormat));
                if (record.TryRead<ExtendedVni>(out var vni, out error))
                {
                    writer.WriteNumber("vni", vni.Vni);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>The JSON <c>name</c> of a flow record format.</summary>
    public static string FlowRecordName(FlowRecordFormat format) => format switch
    {
        FlowRecordFormat.RawPacketHeader => "rawPacketHeader",
        FlowRecordFormat.Ethernet => "ethernet",
        FlowRecordFormat.IPv4 => "ipv4",
        FlowRecordFormat.IPv6 => "ipv6",
        FlowRecordFormat.ExtendedSwitch => "extendedSwitch",
        FlowRecordFormat.ExtendedRouter => "extendedRouter",
        FlowRecordFormat.ExtendedGateway => "extendedGateway",
        FlowRecordFormat.ExtendedUser => "extendedUser",
        FlowRecordFormat.ExtendedUrl => "extendedUrl",
        FlowRecordFormat.ExtendedMpls => "extendedMpls",
        FlowRecordFormat.ExtendedNat => "extendedNat",
        FlowRecordFormat.ExtendedL2TunnelEgress => "extendedL2TunnelEgress",
        FlowRecordFormat.ExtendedL2TunnelIngress => "extendedL2TunnelIngress",
        FlowRecordFormat.ExtendedIPv4TunnelEgress => "extendedIpv4TunnelEgress",
        FlowRecordFormat.ExtendedIPv4TunnelIngress => "extendedIpv4TunnelIngress",
        FlowRecordFormat.ExtendedIPv6TunnelEgress => "extendedIpv6TunnelEgress",
        FlowRecordFormat.ExtendedIPv6TunnelIngress => "extendedIpv6TunnelIngress",
        FlowRecordFormat.ExtendedDecapsulateEgress => "extendedDecapsulateEgress",
        FlowRecordFormat.ExtendedDecapsulateIngress => "extendedDecapsulateIngress",
        FlowRecordFormat.ExtendedVniEgress => "extendedVniEgress",
        FlowRecordFormat.ExtendedVniIngress => "extendedVniIngress",
        _ => "unknown",
    };

    private static void WriteRawPacketHeader(Utf8JsonWriter writer, RawPacketHeader raw)
    {
        writer.WriteNumber("headerProtocol", (uint)raw.Protocol);
        writer.WriteNumber("frameLength", raw.FrameLength);
        writer.WriteNumber("stripped", raw.Stripped);
        writer.WriteNumber("headerLength", raw.Header.Length);
        WritePacket(writer, raw.Parse());
    }

    /// <summary>Writes the parsed packet's fields: the twelve core ones always (null when absent), the others when present.</summary>
    public static void WritePacket(Utf8JsonWriter writer, in ParsedPacket packet)
    {
        if (packet.Has(PacketLayers.Ethernet))
        {
            writer.WriteMac("srcMac", packet.SourceMac);
            writer.WriteMac("dstMac", packet.DestinationMac);
            writer.WriteNumber("etherType", packet.EtherType);
        }
        else
        {
            writer.WriteNull("srcMac");
            writer.WriteNull("dstMac");
            writer.WriteNull("etherType");
        }

        WriteOptional(writer, "vlan", packet.Has(PacketLayers.Vlan), packet.Vlan);
        if (packet.InnerVlan != 0)
        {
            writer.WriteNumber("innerVlan", packet.InnerVlan);
        }

        writer.WriteAddress("srcAddress", packet.SourceAddress);
        writer.WriteAddress("dstAddress", packet.DestinationAddress);
        WriteOptional(writer, "ipProtocol", packet.HasIp, packet.IpProtocol);
        if (packet.HasIp)
        {
            writer.WriteNumber("ipTos", packet.Tos);
            writer.WriteNumber("ipTtl", packet.Ttl);
            writer.WriteNumber("ipLength", packet.IpLength);
            if (packet.Has(PacketLayers.IPv6))
            {
                writer.WriteNumber("ipv6FlowLabel", packet.FlowLabel);
            }

            if (packet.Has(PacketLayers.Fragment))
            {
                writer.WriteNumber("fragmentOffset", packet.FragmentOffset);
            }
        }

        var ports = packet.Has(PacketLayers.Ports);
        WriteOptional(writer, "srcPort", ports, packet.SourcePort);
        WriteOptional(writer, "dstPort", ports, packet.DestinationPort);
        WriteOptional(writer, "tcpFlags", packet.Has(PacketLayers.TcpFlags), packet.TcpFlags);
        var icmp = packet.Has(PacketLayers.Icmp);
        WriteOptional(writer, "icmpType", icmp, packet.IcmpType);
        WriteOptional(writer, "icmpCode", icmp, packet.IcmpCode);
    }

    private static void WriteSampledIp(Utf8JsonWriter writer, uint length, uint protocol, IpAddressValue source, IpAddressValue destination, uint sourcePort, uint destinationPort, uint tcpFlags)
    {
        writer.WriteNumber("length", length);
        writer.WriteNumber("ipProtocol", protocol);
        writer.WriteAddress("srcAddress", source);
        writer.WriteAddress("dstAddress", destination);
        writer.WriteNumber("srcPort", sourcePort);
        writer.WriteNumber("dstPort", destinationPort);
        writer.WriteNumber("tcpFlags", tcpFlags);
    }

    private static void WriteGateway(Utf8JsonWriter writer, ExtendedGateway gateway)
    {
        writer.WriteAddress("nextHop", gateway.NextHop);
        writer.WriteNumber("as", gateway.As);
        writer.WriteNumber("srcAs", gateway.SourceAs);
        writer.WriteNumber("srcPeerAs", gateway.SourcePeerAs);
        writer.WriteNumber("dstAs", gateway.DestinationAsPath.LastAs);
        writer.WriteStartArray("dstAsPath");
        foreach (var segment in gateway.DestinationAsPath)
        {
            writer.WriteStartObject();
            writer.WriteString("type", segment.Type switch { 1 => "set", 2 => "sequence", _ => "unknown" });
            WriteNumbers(writer, "as", segment.Numbers);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteNumbers(writer, "communities", gateway.Communities);
        writer.WriteNumber("localPref", gateway.LocalPreference);
    }

    private static void WriteNumbers(Utf8JsonWriter writer, string name, XdrUInt32List numbers)
    {
        writer.WriteStartArray(name);
        foreach (var number in numbers)
        {
            writer.WriteNumberValue(number);
        }

        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, bool present, uint value)
    {
        if (present)
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
