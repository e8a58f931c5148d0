using Google.Protobuf;
using NetworkMachinery.Collector.Export;
using NetworkMachinery.Collector.Records;
using NetworkMachinery.Collector.Tests.Support;
using NetworkMachinery.Contracts;
using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Tests.Export;

/// <summary>
/// Flow records decoded from the real Open vSwitch capture and from built datagrams (IPv6 agents, expanded and discard
/// samples, router and gateway records) become <see cref="FlowMessage"/>s that hold every field of the record.
/// </summary>
public class FlowMessageMapperTests
{
    public static TheoryData<string> FlowDatagrams =>
        new("ovs-flow-ipv4-tcp", "ipv6-agent-expanded", "extended-flow-records", "discard-and-unknown", "bare-ip-headers");

    [Fact]
    public void Fill_CapturedOvsFlows_EveryFieldEqualsTheRecords()
    {
        var flows = DecodedRecords.FromCapture.Flows;

        Assert.True(flows.Length > 10_000, $"only {flows.Length} flows");
        Assert.Contains(flows, flow => flow.Packet.SourceAddress.Family == IpFamily.IPv6);
        Assert.Contains(flows, flow => flow.OutputInterfaceFormat == InterfaceFormat.Multiple);
        AssertEveryFieldMapped(flows, throughTheWire: false);
    }

    [Theory]
    [MemberData(nameof(FlowDatagrams))]
    public void Fill_BuiltFlowSamples_EveryFieldEqualsTheRecords(string datagram)
    {
        var flows = DecodedRecords.FromCorpus(datagram).Flows;

        Assert.NotEmpty(flows);
        AssertEveryFieldMapped(flows, throughTheWire: true);
    }

    [Fact]
    public void Fill_OvsTcpFlow_HoldsTheValuesTheAgentSent()
    {
        // The values SFlowDatagramCorpus.OvsFlowIPv4Tcp puts in its sample.
        var record = DecodedRecords.FromCorpus("ovs-flow-ipv4-tcp").Flows.Single();
        var message = new FlowMessage();

        FlowMessageMapper.Fill(message, record);

        Assert.Equal(FlowMessage.Types.FlowType.Sflow5, message.Type);
        Assert.Equal([10, 0, 0, 1], message.SamplerAddress.ToByteArray());
        Assert.Equal((1u, 4242u, 123_456u), (message.SubAgentId, message.SequenceNum, message.AgentUptimeMs));
        Assert.Equal([192, 168, 1, 10], message.SrcAddr.ToByteArray());
        Assert.Equal([192, 168, 1, 20], message.DstAddr.ToByteArray());
        Assert.Equal((0x0800u, 6u, 40_000u, 443u), (message.Etype, message.Proto, message.SrcPort, message.DstPort));
        Assert.Equal(0x0200_0000_0001ul, message.SrcMac);
        Assert.Equal(0x0200_0000_0002ul, message.DstMac);
        Assert.Equal(400ul, message.SamplingRate);
        Assert.Equal(400ul, message.Packets);
        Assert.Equal(1514ul * 400, message.Bytes);
        Assert.Equal((3u, 4u), (message.InIf, message.OutIf));
        Assert.Equal((10u, 20u), (message.SrcVlan, message.DstVlan));
        Assert.Equal(63u, message.IpTtl);
        Assert.Equal(0x12u, message.TcpFlags);
        Assert.Equal((77u, 0u, 3u, 2u), (message.SampleSequence, message.SourceIdType, message.SourceIdIndex, message.Drops));
    }

    /// <summary>
    /// Fills one reused message from each record in turn, as the exporter does, and compares every field; with
    /// <paramref name="throughTheWire"/>, also of the message parsed back from its bytes.
    /// </summary>
    private static void AssertEveryFieldMapped(FlowRecord[] records, bool throughTheWire)
    {
        var message = new FlowMessage();
        foreach (var record in records)
        {
            FlowMessageMapper.Fill(message, record);
            var expected = Expected(record);
            MessageFields.AssertEqual(message, expected);
            if (throughTheWire)
            {
                MessageFields.AssertEqual(FlowMessage.Parser.ParseFrom(message.ToByteArray()), expected);
            }
        }
    }

    /// <summary>What each field of the message should hold for <paramref name="record"/>.</summary>
    private static Dictionary<string, object?> Expected(in FlowRecord record)
    {
        ref readonly var packet = ref record.Packet;
        return new()
        {
            ["type"] = FlowMessage.Types.FlowType.Sflow5,
            ["time_received_ns"] = record.TimeReceivedNs,
            ["sequence_num"] = record.DatagramSequence,
            ["sampling_rate"] = record.SamplingRate,
            ["sampler_address"] = MessageFields.AddressBytes(record.AgentAddress),
            ["bytes"] = record.Bytes,
            ["packets"] = record.Packets,
            ["src_addr"] = MessageFields.AddressBytes(packet.SourceAddress),
            ["dst_addr"] = MessageFields.AddressBytes(packet.DestinationAddress),
            ["etype"] = packet.EtherType,
            ["proto"] = packet.IpProtocol,
            ["src_port"] = packet.SourcePort,
            ["dst_port"] = packet.DestinationPort,
            ["in_if"] = record.InputInterface,
            ["out_if"] = record.OutputInterface,
            ["src_mac"] = packet.SourceMac,
            ["dst_mac"] = packet.DestinationMac,
            ["src_vlan"] = record.SourceVlan,
            ["dst_vlan"] = record.DestinationVlan,
            ["vlan_id"] = record.Vlan,
            ["ip_tos"] = packet.Tos,
            ["ip_ttl"] = packet.Ttl,
            ["ipv6_flow_label"] = packet.FlowLabel,
            ["fragment_offset"] = packet.FragmentOffset,
            ["tcp_flags"] = packet.TcpFlags,
            ["icmp_type"] = packet.IcmpType,
            ["icmp_code"] = packet.IcmpCode,
            ["src_as"] = record.SourceAs,
            ["dst_as"] = record.DestinationAs,
            ["next_hop"] = MessageFields.AddressBytes(record.NextHop),
            ["src_net"] = record.SourceMaskLength,
            ["dst_net"] = record.DestinationMaskLength,
            ["sub_agent_id"] = record.SubAgentId,
            ["agent_uptime_ms"] = record.AgentUptimeMs,
            ["sample_type"] = record.SampleType,
            ["sample_sequence"] = record.SampleSequence,
            ["source_id_type"] = record.SourceIdType,
            ["source_id_index"] = record.SourceIdIndex,
            ["drops"] = record.Drops,
            ["out_if_format"] = record.OutputInterfaceFormat,
            ["discard_reason"] = record.DiscardReason,
            ["frame_length"] = record.FrameLength,
            ["vlan_priority"] = packet.VlanPriority,
            ["inner_vlan_id"] = packet.InnerVlan,
        };
    }
}
