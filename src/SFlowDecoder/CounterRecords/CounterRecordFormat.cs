namespace NetworkMachinery.SFlow;

/// <summary>Counter record formats (enterprise 0) that this decoder reads. Other values are skipped by their length.</summary>
public enum CounterRecordFormat : uint
{
    /// <summary>1: generic interface counters (<see cref="GenericInterfaceCounters"/>).</summary>
    GenericInterface = 1,

    /// <summary>2: Ethernet interface counters (<see cref="EthernetCounters"/>).</summary>
    Ethernet = 2,

    /// <summary>5: VLAN counters (<see cref="VlanCounters"/>).</summary>
    Vlan = 5,

    /// <summary>7: LACP (link aggregation) port counters (<see cref="LacpCounters"/>).</summary>
    Lacp = 7,

    /// <summary>1001: processor and memory (<see cref="ProcessorCounters"/>).</summary>
    Processor = 1001,

    /// <summary>1004: OpenFlow datapath and port (<see cref="OpenFlowPort"/>).</summary>
    OpenFlowPort = 1004,

    /// <summary>1005: interface name (<see cref="PortName"/>).</summary>
    PortName = 1005,

    /// <summary>2000: host description (<see cref="HostDescription"/>).</summary>
    HostDescription = 2000,

    /// <summary>2001: host network adapters (<see cref="HostAdapters"/>).</summary>
    HostAdapters = 2001,

    /// <summary>2002: the container of a virtual host (<see cref="HostParent"/>).</summary>
    HostParent = 2002,

    /// <summary>2003: host CPU (<see cref="HostCpu"/>).</summary>
    HostCpu = 2003,

    /// <summary>2004: host memory (<see cref="HostMemory"/>).</summary>
    HostMemory = 2004,

    /// <summary>2005: host disk I/O (<see cref="HostDiskIo"/>).</summary>
    HostDiskIo = 2005,

    /// <summary>2006: host network I/O (<see cref="HostNetIo"/>).</summary>
    HostNetIo = 2006,

    /// <summary>2007: MIB-II IP group (<see cref="Mib2IpGroup"/>).</summary>
    Mib2Ip = 2007,

    /// <summary>2008: MIB-II ICMP group (<see cref="Mib2IcmpGroup"/>).</summary>
    Mib2Icmp = 2008,

    /// <summary>2009: MIB-II TCP group (<see cref="Mib2TcpGroup"/>).</summary>
    Mib2Tcp = 2009,

    /// <summary>2010: MIB-II UDP group (<see cref="Mib2UdpGroup"/>).</summary>
    Mib2Udp = 2010,

    /// <summary>2203: application resources (<see cref="AppResources"/>); Open vSwitch reports its own process.</summary>
    AppResources = 2203,

    /// <summary>2207: Open vSwitch datapath statistics (<see cref="OvsDatapath"/>).</summary>
    OvsDatapath = 2207,
}
