using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Records;

/// <summary>
/// One sampled packet, flattened from a flow sample and its records: who sent it to whom, how, and how much traffic
/// it stands for. Field names and meanings follow goflow2's FlowMessage where they overlap.
/// </summary>
/// <remarks>
/// A mutable struct filled in place in a reused buffer, so the decode path allocates nothing; copy it to keep it.
/// <c>Packet.Layers</c> tells which packet fields were present, so a zero port is not confused with no port.
/// </remarks>
public struct FlowRecord
{
    /// <summary>When the collector received the datagram, in nanoseconds since the Unix epoch.</summary>
    public long TimeReceivedNs;

    /// <summary>The sFlow agent (sampler) address.</summary>
    public IpAddressValue AgentAddress;

    /// <summary>The sub-agent that sent the datagram.</summary>
    public uint SubAgentId;

    /// <summary>The datagram's sequence number.</summary>
    public uint DatagramSequence;

    /// <summary>The agent's uptime when it sent the datagram, in milliseconds.</summary>
    public uint AgentUptimeMs;

    /// <summary>Flow, expanded flow or discard.</summary>
    public SFlowSampleType SampleType;

    /// <summary>The sample's sequence number.</summary>
    public uint SampleSequence;

    /// <summary>The data source type (0 = ifIndex).</summary>
    public uint SourceIdType;

    /// <summary>The data source index.</summary>
    public uint SourceIdIndex;

    /// <summary>One packet in this many was sampled; 0 for discard samples.</summary>
    public uint SamplingRate;

    /// <summary>Packets the agent dropped for lack of resources (from the sample header).</summary>
    public uint Drops;

    /// <summary>Input ifIndex, 0 when unknown.</summary>
    public uint InputInterface;

    /// <summary>Output ifIndex, 0 when unknown, discarded or sent to several interfaces (see <see cref="OutputInterfaceFormat"/>).</summary>
    public uint OutputInterface;

    /// <summary>How the output interface was reported.</summary>
    public InterfaceFormat OutputInterfaceFormat;

    /// <summary>Discard samples: the drop reason; flow samples: the reason when the output format is <see cref="InterfaceFormat.Discarded"/>.</summary>
    public uint DiscardReason;

    /// <summary>Length of the sampled packet on the wire, in bytes.</summary>
    public uint FrameLength;

    /// <summary>Bytes this sample stands for: frame length times sampling rate.</summary>
    public ulong Bytes;

    /// <summary>Packets this sample stands for: the sampling rate (1 for discard samples).</summary>
    public ulong Packets;

    /// <summary>
    /// The sampled packet's fields: from the raw packet header record (1), or from the decoded Ethernet, IPv4 and IPv6
    /// records (2, 3, 4) when the sample has no header. <see cref="ParsedPacket.Layers"/> says which are present.
    /// </summary>
    public ParsedPacket Packet;

    /// <summary>VLAN of the packet: its outer 802.1Q tag, else the input VLAN the switch reported.</summary>
    public ushort Vlan;

    /// <summary>Input VLAN from the switch's extended record (1001).</summary>
    public ushort SourceVlan;

    /// <summary>Output VLAN from the switch's extended record (1001).</summary>
    public ushort DestinationVlan;

    /// <summary>Next hop, from the router (1002) or gateway (1003) record.</summary>
    public IpAddressValue NextHop;

    /// <summary>Source AS, from the gateway record.</summary>
    public uint SourceAs;

    /// <summary>Destination AS (the last AS of the path), from the gateway record.</summary>
    public uint DestinationAs;

    /// <summary>Source prefix length, from the router record.</summary>
    public byte SourceMaskLength;

    /// <summary>Destination prefix length, from the router record.</summary>
    public byte DestinationMaskLength;
}
