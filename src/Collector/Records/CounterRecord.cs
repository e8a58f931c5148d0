using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Records;

/// <summary>
/// One counter sample: the data source and the counter structures it carried. Structures the agent did not send are null.
/// </summary>
/// <remarks>A mutable struct filled in place in a reused buffer; copy it to keep it.</remarks>
public struct CounterRecord
{
    /// <summary>When the collector received the datagram, in nanoseconds since the Unix epoch.</summary>
    public long TimeReceivedNs;

    /// <summary>The sFlow agent address.</summary>
    public IpAddressValue AgentAddress;

    /// <summary>The sub-agent that sent the datagram.</summary>
    public uint SubAgentId;

    /// <summary>The datagram's sequence number.</summary>
    public uint DatagramSequence;

    /// <summary>The agent's uptime when it sent the datagram, in milliseconds.</summary>
    public uint AgentUptimeMs;

    /// <summary>The sample's sequence number.</summary>
    public uint SampleSequence;

    /// <summary>The data source type (0 = ifIndex).</summary>
    public uint SourceIdType;

    /// <summary>The data source index.</summary>
    public uint SourceIdIndex;

    /// <summary>Generic interface counters (record 1).</summary>
    public GenericInterfaceCounters? Interface;

    /// <summary>Ethernet counters (record 2).</summary>
    public EthernetCounters? Ethernet;

    /// <summary>VLAN counters (record 5).</summary>
    public VlanCounters? Vlan;

    /// <summary>LACP counters (record 7).</summary>
    public LacpCounters? Lacp;

    /// <summary>Processor counters (record 1001).</summary>
    public ProcessorCounters? Processor;

    /// <summary>OpenFlow port (record 1004).</summary>
    public OpenFlowPort? OpenFlowPort;

    /// <summary>Interface name (record 1005).</summary>
    public string? PortName;

    /// <summary>Host name (record 2000).</summary>
    public string? Hostname;

    /// <summary>Host CPU (record 2003).</summary>
    public HostCpu? HostCpu;

    /// <summary>Host memory (record 2004).</summary>
    public HostMemory? HostMemory;

    /// <summary>Host disk I/O (record 2005).</summary>
    public HostDiskIo? HostDiskIo;

    /// <summary>Host network I/O (record 2006).</summary>
    public HostNetIo? HostNetIo;

    /// <summary>Application resources (record 2203).</summary>
    public AppResources? AppResources;

    /// <summary>Open vSwitch datapath statistics (record 2207).</summary>
    public OvsDatapath? OvsDatapath;
}
