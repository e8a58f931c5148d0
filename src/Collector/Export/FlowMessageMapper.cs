using Google.Protobuf;
using NetworkMachinery.Collector.Records;
using NetworkMachinery.Contracts;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Export;

/// <summary>Maps the collector's flow records onto the <see cref="FlowMessage"/> contract (docs/contracts.md).</summary>
internal static class FlowMessageMapper
{
    /// <summary>Overwrites <paramref name="message"/> with the record, so that one message object serves many records.</summary>
    public static void Fill(FlowMessage message, in FlowRecord record)
    {
        message.Type = FlowMessage.Types.FlowType.Sflow5;
        message.TimeReceivedNs = (ulong)record.TimeReceivedNs;
        message.SequenceNum = record.DatagramSequence;
        message.SamplingRate = record.SamplingRate;
        message.SamplerAddress = AddressBytes(record.AgentAddress);
        message.Bytes = record.Bytes;
        message.Packets = record.Packets;

        ref readonly var packet = ref record.Packet;
        message.SrcAddr = AddressBytes(packet.SourceAddress);
        message.DstAddr = AddressBytes(packet.DestinationAddress);
        message.Etype = packet.EtherType;
        message.Proto = packet.IpProtocol;
        message.SrcPort = packet.SourcePort;
        message.DstPort = packet.DestinationPort;
        message.SrcMac = packet.SourceMac.Value;
        message.DstMac = packet.DestinationMac.Value;
        message.IpTos = packet.Tos;
        message.IpTtl = packet.Ttl;
        message.Ipv6FlowLabel = packet.FlowLabel;
        message.FragmentOffset = packet.FragmentOffset;
        message.TcpFlags = packet.TcpFlags;
        message.IcmpType = packet.IcmpType;
        message.IcmpCode = packet.IcmpCode;
        message.VlanPriority = packet.VlanPriority;
        message.InnerVlanId = packet.InnerVlan;

        message.InIf = record.InputInterface;
        message.OutIf = record.OutputInterface;
        message.OutIfFormat = (FlowMessage.Types.InterfaceFormat)record.OutputInterfaceFormat;
        message.DiscardReason = record.DiscardReason;
        message.SrcVlan = record.SourceVlan;
        message.DstVlan = record.DestinationVlan;
        message.VlanId = record.Vlan;
        message.SrcAs = record.SourceAs;
        message.DstAs = record.DestinationAs;
        message.NextHop = AddressBytes(record.NextHop);
        message.SrcNet = record.SourceMaskLength;
        message.DstNet = record.DestinationMaskLength;

        message.SubAgentId = record.SubAgentId;
        message.AgentUptimeMs = record.AgentUptimeMs;
        message.SampleType = (FlowMessage.Types.SampleType)record.SampleType;
        message.SampleSequence = record.SampleSequence;
        message.SourceIdType = record.SourceIdType;
        message.SourceIdIndex = record.SourceIdIndex;
        message.Drops = record.Drops;
        message.FrameLength = record.FrameLength;
    }

    /// <summary>4 bytes for IPv4, 16 for IPv6, none for no address.</summary>
    internal static ByteString AddressBytes(IpAddressValue address)
    {
        if (address.IsNone)
        {
            return ByteString.Empty;
        }

        Span<byte> bytes = stackalloc byte[16];
        return ByteString.CopyFrom(bytes[..address.WriteBytes(bytes)]);
    }
}
