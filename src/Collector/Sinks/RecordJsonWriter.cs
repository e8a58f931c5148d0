using System.Text.Json;
using NetworkMachinery.Collector.Records;
using NetworkMachinery.SFlow;
using NetworkMachinery.SFlow.Json;

namespace NetworkMachinery.Collector.Sinks;

/// <summary>
/// Writes flow and counter records as JSON objects (the collector's output format, documented in docs/collector.md).
/// Packet fields that were not present in the sample are left out rather than written as zero.
/// </summary>
public static class RecordJsonWriter
{
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Flow = JsonEncodedText.Encode("flow");
    private static readonly JsonEncodedText Counters = JsonEncodedText.Encode("counters");
    private static readonly JsonEncodedText TimeReceivedNs = JsonEncodedText.Encode("timeReceivedNs");
    private static readonly JsonEncodedText AgentAddress = JsonEncodedText.Encode("agentAddress");
    private static readonly JsonEncodedText SubAgentId = JsonEncodedText.Encode("subAgentId");
    private static readonly JsonEncodedText DatagramSequence = JsonEncodedText.Encode("datagramSequence");
    private static readonly JsonEncodedText AgentUptimeMs = JsonEncodedText.Encode("uptimeMs");
    private static readonly JsonEncodedText SampleType = JsonEncodedText.Encode("sampleType");
    private static readonly JsonEncodedText SampleSequence = JsonEncodedText.Encode("sampleSequence");
    private static readonly JsonEncodedText SourceIdType = JsonEncodedText.Encode("sourceIdType");
    private static readonly JsonEncodedText SourceIdIndex = JsonEncodedText.Encode("sourceIdIndex");
    private static readonly JsonEncodedText SamplingRate = JsonEncodedText.Encode("samplingRate");
    private static readonly JsonEncodedText Drops = JsonEncodedText.Encode("drops");
    private static readonly JsonEncodedText InputInterface = JsonEncodedText.Encode("inputInterface");
    private static readonly JsonEncodedText OutputInterface = JsonEncodedText.Encode("outputInterface");
    private static readonly JsonEncodedText OutputInterfaceFormat = JsonEncodedText.Encode("outputInterfaceFormat");
    private static readonly JsonEncodedText DiscardReason = JsonEncodedText.Encode("discardReason");
    private static readonly JsonEncodedText FrameLength = JsonEncodedText.Encode("frameLength");
    private static readonly JsonEncodedText Bytes = JsonEncodedText.Encode("bytes");
    private static readonly JsonEncodedText Packets = JsonEncodedText.Encode("packets");
    private static readonly JsonEncodedText SrcMac = JsonEncodedText.Encode("srcMac");
    private static readonly JsonEncodedText DstMac = JsonEncodedText.Encode("dstMac");
    private static readonly JsonEncodedText EtherType = JsonEncodedText.Encode("etherType");
    private static readonly JsonEncodedText Vlan = JsonEncodedText.Encode("vlan");
    private static readonly JsonEncodedText SrcVlan = JsonEncodedText.Encode("srcVlan");
    private static readonly JsonEncodedText DstVlan = JsonEncodedText.Encode("dstVlan");
    private static readonly JsonEncodedText SrcAddress = JsonEncodedText.Encode("srcAddress");
    private static readonly JsonEncodedText DstAddress = JsonEncodedText.Encode("dstAddress");
    private static readonly JsonEncodedText IpProtocol = JsonEncodedText.Encode("ipProtocol");
    private static readonly JsonEncodedText IpTos = JsonEncodedText.Encode("ipTos");
    private static readonly JsonEncodedText IpTtl = JsonEncodedText.Encode("ipTtl");
    private static readonly JsonEncodedText Ipv6FlowLabel = JsonEncodedText.Encode("ipv6FlowLabel");
    private static readonly JsonEncodedText FragmentOffset = JsonEncodedText.Encode("fragmentOffset");
    private static readonly JsonEncodedText SrcPort = JsonEncodedText.Encode("srcPort");
    private static readonly JsonEncodedText DstPort = JsonEncodedText.Encode("dstPort");
    private static readonly JsonEncodedText TcpFlags = JsonEncodedText.Encode("tcpFlags");
    private static readonly JsonEncodedText IcmpType = JsonEncodedText.Encode("icmpType");
    private static readonly JsonEncodedText IcmpCode = JsonEncodedText.Encode("icmpCode");
    private static readonly JsonEncodedText NextHop = JsonEncodedText.Encode("nextHop");
    private static readonly JsonEncodedText SrcAs = JsonEncodedText.Encode("srcAs");
    private static readonly JsonEncodedText DstAs = JsonEncodedText.Encode("dstAs");
    private static readonly JsonEncodedText SrcMaskLength = JsonEncodedText.Encode("srcMaskLength");
    private static readonly JsonEncodedText DstMaskLength = JsonEncodedText.Encode("dstMaskLength");
    private static readonly JsonEncodedText PortName = JsonEncodedText.Encode("portName");
    private static readonly JsonEncodedText Hostname = JsonEncodedText.Encode("hostname");

    /// <summary>Writes a flow record as one object.</summary>
    public static void Write(Utf8JsonWriter writer, in FlowRecord flow)
    {
        writer.WriteStartObject();
        writer.WriteString(Type, Flow);
        writer.WriteNumber(TimeReceivedNs, flow.TimeReceivedNs);
        writer.WriteAddress(AgentAddress, flow.AgentAddress);
        writer.WriteNumber(SubAgentId, flow.SubAgentId);
        writer.WriteNumber(DatagramSequence, flow.DatagramSequence);
        writer.WriteNumber(AgentUptimeMs, flow.AgentUptimeMs);
        writer.WriteString(SampleType, SampleJsonWriter.SampleTypeName(flow.SampleType));
        writer.WriteNumber(SampleSequence, flow.SampleSequence);
        writer.WriteNumber(SourceIdType, flow.SourceIdType);
        writer.WriteNumber(SourceIdIndex, flow.SourceIdIndex);
        writer.WriteNumber(SamplingRate, flow.SamplingRate);
        writer.WriteNumber(Drops, flow.Drops);
        writer.WriteNumber(InputInterface, flow.InputInterface);
        writer.WriteNumber(OutputInterface, flow.OutputInterface);
        writer.WriteString(OutputInterfaceFormat, InterfaceFormatName(flow.OutputInterfaceFormat));
        if (flow.DiscardReason != 0)
        {
            writer.WriteNumber(DiscardReason, flow.DiscardReason);
        }

        writer.WriteNumber(FrameLength, flow.FrameLength);
        writer.WriteNumber(Bytes, flow.Bytes);
        writer.WriteNumber(Packets, flow.Packets);
        ref readonly var packet = ref flow.Packet;
        if ((packet.Layers & PacketLayers.Ethernet) != 0)
        {
            writer.WriteMac(SrcMac, packet.SourceMac);
            writer.WriteMac(DstMac, packet.DestinationMac);
            writer.WriteNumber(EtherType, packet.EtherType);
        }

        writer.WriteNumber(Vlan, flow.Vlan);
        writer.WriteNumber(SrcVlan, flow.SourceVlan);
        writer.WriteNumber(DstVlan, flow.DestinationVlan);
        if ((packet.Layers & (PacketLayers.IPv4 | PacketLayers.IPv6)) != 0)
        {
            writer.WriteAddress(SrcAddress, packet.SourceAddress);
            writer.WriteAddress(DstAddress, packet.DestinationAddress);
            writer.WriteNumber(IpProtocol, packet.IpProtocol);
            writer.WriteNumber(IpTos, packet.Tos);
            writer.WriteNumber(IpTtl, packet.Ttl);
            if ((packet.Layers & PacketLayers.IPv6) != 0)
            {
                writer.WriteNumber(Ipv6FlowLabel, packet.FlowLabel);
            }

            if ((packet.Layers & PacketLayers.Fragment) != 0)
            {
                writer.WriteNumber(FragmentOffset, packet.FragmentOffset);
            }
        }

        if ((packet.Layers & PacketLayers.Ports) != 0)
        {
            writer.WriteNumber(SrcPort, packet.SourcePort);
            writer.WriteNumber(DstPort, packet.DestinationPort);
        }

        if ((packet.Layers & PacketLayers.TcpFlags) != 0)
        {
            writer.WriteNumber(TcpFlags, packet.TcpFlags);
        }

        if ((packet.Layers & PacketLayers.Icmp) != 0)
        {
            writer.WriteNumber(IcmpType, packet.IcmpType);
            writer.WriteNumber(IcmpCode, packet.IcmpCode);
        }

        if (!flow.NextHop.IsNone)
        {
            writer.WriteAddress(NextHop, flow.NextHop);
        }

        if (flow.SourceAs != 0 || flow.DestinationAs != 0)
        {
            writer.WriteNumber(SrcAs, flow.SourceAs);
            writer.WriteNumber(DstAs, flow.DestinationAs);
        }

        if (flow.SourceMaskLength != 0 || flow.DestinationMaskLength != 0)
        {
            writer.WriteNumber(SrcMaskLength, flow.SourceMaskLength);
            writer.WriteNumber(DstMaskLength, flow.DestinationMaskLength);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a counter record as one object, each counter structure it carried as a nested object.</summary>
    public static void Write(Utf8JsonWriter writer, in CounterRecord counters)
    {
        writer.WriteStartObject();
        writer.WriteString(Type, Counters);
        writer.WriteNumber(TimeReceivedNs, counters.TimeReceivedNs);
        writer.WriteAddress(AgentAddress, counters.AgentAddress);
        writer.WriteNumber(SubAgentId, counters.SubAgentId);
        writer.WriteNumber(DatagramSequence, counters.DatagramSequence);
        writer.WriteNumber(AgentUptimeMs, counters.AgentUptimeMs);
        writer.WriteNumber(SampleSequence, counters.SampleSequence);
        writer.WriteNumber(SourceIdType, counters.SourceIdType);
        writer.WriteNumber(SourceIdIndex, counters.SourceIdIndex);
        if (counters.PortName is not null)
        {
            writer.WriteString(PortName, counters.PortName);
        }

        if (counters.Hostname is not null)
        {
            writer.WriteString(Hostname, counters.Hostname);
        }

        WriteNested(writer, "interface", counters.Interface, CounterJsonFields.Write);
        WriteNested(writer, "ethernet", counters.Ethernet, CounterJsonFields.Write);
        WriteNested(writer, "vlan", counters.Vlan, CounterJsonFields.Write);
        WriteNested(writer, "lacp", counters.Lacp, CounterJsonFields.Write);
        WriteNested(writer, "processor", counters.Processor, CounterJsonFields.Write);
        WriteNested(writer, "openFlowPort", counters.OpenFlowPort, CounterJsonFields.Write);
        WriteNested(writer, "hostCpu", counters.HostCpu, CounterJsonFields.Write);
        WriteNested(writer, "hostMemory", counters.HostMemory, CounterJsonFields.Write);
        WriteNested(writer, "hostDiskIo", counters.HostDiskIo, CounterJsonFields.Write);
        WriteNested(writer, "hostNetIo", counters.HostNetIo, CounterJsonFields.Write);
        WriteNested(writer, "appResources", counters.AppResources, CounterJsonFields.Write);
        WriteNested(writer, "ovsDatapath", counters.OvsDatapath, CounterJsonFields.Write);
        writer.WriteEndObject();
    }

    /// <summary>The JSON name of an interface format.</summary>
    public static string InterfaceFormatName(InterfaceFormat format) => format switch
    {
        InterfaceFormat.IfIndex => "ifIndex",
        InterfaceFormat.Discarded => "discarded",
        InterfaceFormat.Multiple => "multiple",
        _ => "reserved",
    };

    private delegate void FieldWriter<T>(Utf8JsonWriter writer, in T value);

    private static void WriteNested<T>(Utf8JsonWriter writer, string name, T? value, FieldWriter<T> write)
        where T : struct
    {
        if (value is { } present)
        {
            writer.WriteStartObject(name);
            write(writer, present);
            writer.WriteEndObject();
        }
    }
}
