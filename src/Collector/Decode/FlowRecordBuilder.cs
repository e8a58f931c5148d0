using NetworkMachinery.Collector.Metrics;
using NetworkMachinery.Collector.Records;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Decode;

/// <summary>Flattens a flow, expanded flow or discard sample and its records into a <see cref="FlowRecord"/>.</summary>
internal static class FlowRecordBuilder
{
    /// <summary>Fills <paramref name="flow"/> (already cleared, datagram fields set) from the sample; false with an error for a malformed record.</summary>
    public static bool TryBuild(ref FlowRecord flow, SFlowSample sample, DecodeStatistics statistics, out SFlowError error)
    {
        var header = sample.Header;
        flow.SampleType = header.Type;
        flow.SampleSequence = header.SequenceNumber;
        flow.SourceIdType = header.Source.Type;
        flow.SourceIdIndex = header.Source.Index;
        flow.SamplingRate = header.SamplingRate;
        flow.Drops = header.Drops;
        flow.InputInterface = header.Input.IfIndex ?? 0;
        flow.OutputInterface = header.Output.IfIndex ?? 0;
        flow.OutputInterfaceFormat = header.Output.Format;
        flow.DiscardReason = header.Type == SFlowSampleType.Discard ? header.DiscardReason
            : header.Output.Format == InterfaceFormat.Discarded ? header.Output.Value : 0;

        var fromHeader = false;
        error = default;
        var records = sample.Records;
        while (records.TryReadRecord(out var record))
        {
            statistics.FlowRecords[RecordFormatIndex.Flow(record.DataFormat)]++;
            if (!TryApply(ref flow, record, ref fromHeader, out error))
            {
                return false;
            }
        }

        if (records.Error.IsError)
        {
            error = records.Error;
            return false;
        }

        var rate = header.Type == SFlowSampleType.Discard ? 1u : header.SamplingRate;
        flow.Packets = rate;
        flow.Bytes = (ulong)flow.FrameLength * rate;
        return true;
    }

    private static bool TryApply(ref FlowRecord flow, SFlowRecord record, ref bool fromHeader, out SFlowError error)
    {
        error = default;
        switch (record.FlowFormat)
        {
            case FlowRecordFormat.RawPacketHeader:
                if (!record.TryRead<RawPacketHeader>(out var raw, out error))
                {
                    return false;
                }

                // The sampled header is the most faithful source: it overrides what records 2, 3 and 4 said.
                fromHeader = true;
                flow.FrameLength = raw.FrameLength;
                raw.Parse(ref flow.Packet);
                if (flow.Packet.Vlan != 0)
                {
                    flow.Vlan = flow.Packet.Vlan;
                }

                return true;
            case FlowRecordFormat.Ethernet:
                if (!record.TryRead<SampledEthernet>(out var ethernet, out error))
                {
                    return false;
                }

                if (!fromHeader)
                {
                    flow.Packet.Layers |= PacketLayers.Ethernet;
                    flow.Packet.SourceMac = ethernet.SourceMac;
                    flow.Packet.DestinationMac = ethernet.DestinationMac;
                    flow.Packet.EtherType = (ushort)ethernet.EtherType;
                    flow.FrameLength = ethernet.Length;
                }

                return true;
            case FlowRecordFormat.IPv4:
                if (!record.TryRead<SampledIPv4>(out var ipv4, out error))
                {
                    return false;
                }

                if (!fromHeader)
                {
                    ApplySampledIp(ref flow, PacketLayers.IPv4, ipv4.Length, ipv4.Protocol, ipv4.SourceAddress, ipv4.DestinationAddress, ipv4.SourcePort, ipv4.DestinationPort, ipv4.TcpFlags, ipv4.Tos);
                }

                return true;
            case FlowRecordFormat.IPv6:
                if (!record.TryRead<SampledIPv6>(out var ipv6, out error))
                {
                    return false;
                }

                if (!fromHeader)
                {
                    ApplySampledIp(ref flow, PacketLayers.IPv6, ipv6.Length, ipv6.Protocol, ipv6.SourceAddress, ipv6.DestinationAddress, ipv6.SourcePort, ipv6.DestinationPort, ipv6.TcpFlags, ipv6.Priority);
                }

                return true;
            case FlowRecordFormat.ExtendedSwitch:
                if (!record.TryRead<ExtendedSwitch>(out var sw, out error))
                {
                    return false;
                }

                flow.SourceVlan = (ushort)sw.SourceVlan;
                flow.DestinationVlan = (ushort)sw.DestinationVlan;
                if (flow.Vlan == 0)
                {
                    flow.Vlan = (ushort)sw.SourceVlan;
                }

                return true;
            case FlowRecordFormat.ExtendedRouter:
                if (!record.TryRead<ExtendedRouter>(out var router, out error))
                {
                    return false;
                }

                flow.NextHop = router.NextHop;
                flow.SourceMaskLength = (byte)router.SourceMaskLength;
                flow.DestinationMaskLength = (byte)router.DestinationMaskLength;
                return true;
            case FlowRecordFormat.ExtendedGateway:
                if (!record.TryRead<ExtendedGateway>(out var gateway, out error))
                {
                    return false;
                }

                if (flow.NextHop.IsNone)
                {
                    flow.NextHop = gateway.NextHop;
                }

                flow.SourceAs = gateway.SourceAs;
                flow.DestinationAs = gateway.DestinationAsPath.LastAs;
                return true;
            default:
                return TryValidate(record, out error);
        }
    }

    /// <summary>Decodes the records the flat record has no field for, so a malformed one is still caught.</summary>
    private static bool TryValidate(SFlowRecord record, out SFlowError error)
    {
        error = default;
        return record.FlowFormat switch
        {
            FlowRecordFormat.ExtendedUser => record.TryRead<ExtendedUser>(out _, out error),
            FlowRecordFormat.ExtendedUrl => record.TryRead<ExtendedUrl>(out _, out error),
            FlowRecordFormat.ExtendedMpls => record.TryRead<ExtendedMpls>(out _, out error),
            FlowRecordFormat.ExtendedNat => record.TryRead<ExtendedNat>(out _, out error),
            FlowRecordFormat.ExtendedL2TunnelEgress or FlowRecordFormat.ExtendedL2TunnelIngress => record.TryRead<SampledEthernet>(out _, out error),
            FlowRecordFormat.ExtendedIPv4TunnelEgress or FlowRecordFormat.ExtendedIPv4TunnelIngress => record.TryRead<SampledIPv4>(out _, out error),
            FlowRecordFormat.ExtendedIPv6TunnelEgress or FlowRecordFormat.ExtendedIPv6TunnelIngress => record.TryRead<SampledIPv6>(out _, out error),
            FlowRecordFormat.ExtendedDecapsulateEgress or FlowRecordFormat.ExtendedDecapsulateIngress => record.TryRead<ExtendedDecapsulation>(out _, out error),
            FlowRecordFormat.ExtendedVniEgress or FlowRecordFormat.ExtendedVniIngress => record.TryRead<ExtendedVni>(out _, out error),
            _ => true,
        };
    }

    private static void ApplySampledIp(ref FlowRecord flow, PacketLayers family, uint length, uint protocol, IpAddressValue source, IpAddressValue destination, uint sourcePort, uint destinationPort, uint tcpFlags, uint tos)
    {
        ref var packet = ref flow.Packet;
        packet.Layers |= family;
        packet.SourceAddress = source;
        packet.DestinationAddress = destination;
        packet.IpProtocol = (byte)protocol;
        packet.Tos = (byte)tos;
        if (flow.FrameLength == 0)
        {
            flow.FrameLength = length;
        }

        // Records 3 and 4 carry ports and flags in fixed fields; for ICMP the "ports" hold type and code.
        if (protocol is 1 or 58)
        {
            packet.Layers |= PacketLayers.Icmp;
            packet.IcmpType = (byte)sourcePort;
            packet.IcmpCode = (byte)destinationPort;
        }
        else
        {
            packet.Layers |= PacketLayers.Ports;
            packet.SourcePort = (ushort)sourcePort;
            packet.DestinationPort = (ushort)destinationPort;
            if (protocol == 6)
            {
                packet.Layers |= PacketLayers.TcpFlags;
                packet.TcpFlags = (ushort)tcpFlags;
            }
        }
    }
}
