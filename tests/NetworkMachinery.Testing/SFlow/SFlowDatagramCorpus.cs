using NetworkMachinery.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.Testing.SFlow;

/// <summary>
/// Valid datagrams that between them hold every sample type, every flow and counter record the decoder knows, unknown
/// samples and records, and sampled headers of every shape the packet parser reads: seeds for truncation and mutation
/// tests, and inputs for benchmarks that need variety rather than a capture.
/// </summary>
public static class SFlowDatagramCorpus
{
    private static readonly Dictionary<string, Func<byte[]>> Builders = new()
    {
        ["ovs-flow-ipv4-tcp"] = OvsFlowIPv4Tcp,
        ["ovs-counters"] = OvsCounters,
        ["ipv6-agent-expanded"] = IPv6AgentExpanded,
        ["host-counters"] = HostCounters,
        ["extended-flow-records"] = ExtendedFlowRecords,
        ["discard-and-unknown"] = DiscardAndUnknown,
        ["bare-ip-headers"] = BareIpHeaders,
    };

    /// <summary>The names of the datagrams, for <see cref="Build"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Builders.Keys];

    /// <summary>Builds the datagram called <paramref name="name"/>.</summary>
    public static byte[] Build(string name) => Builders[name]();

    /// <summary>An Open vSwitch style flow sample: an Ethernet/IPv4/TCP header, the switch record and the tunnel egress records OVS adds.</summary>
    public static byte[] OvsFlowIPv4Tcp() => new SFlowDatagramBuilder()
        .Agent(Ip("10.0.0.1")).SubAgentId(1).SequenceNumber(4242).UptimeMs(123_456)
        .FlowSample(s => s.SequenceNumber(77).Source(0, 3).SamplingRate(400).SamplePool(32_000).Drops(2).Input(3).Output(4)
            .Record(FlowRecordEncoder.RawPacketHeader(HeaderProtocol.Ethernet, 1514, 4, new PacketBuilder()
                .Ethernet(Mac("02:00:00:00:00:01"), Mac("02:00:00:00:00:02"))
                .IPv4(Ip("192.168.1.10"), Ip("192.168.1.20"), ttl: 63)
                .Tcp(40_000, 443, TcpControlBits.Syn | TcpControlBits.Ack)
                .Payload(60)
                .Build()))
            .Record(FlowRecordEncoder.ExtendedSwitch(new ExtendedSwitch(10, 1, 20, 2)))
            .Record(FlowRecordEncoder.IPv4(
                new SampledIPv4(100, 17, Ip("172.16.0.1"), Ip("172.16.0.2"), 50_000, 4789, 0, 0),
                FlowRecordFormat.ExtendedIPv4TunnelEgress))
            .Record(FlowRecordEncoder.ExtendedVni(FlowRecordFormat.ExtendedVniEgress, new ExtendedVni(5001))))
        .Build();

    /// <summary>Open vSwitch style counter samples: interface counters, its name and OpenFlow port, then the bridge's datapath and process.</summary>
    public static byte[] OvsCounters() => new SFlowDatagramBuilder()
        .Agent(Ip("10.0.0.1")).SubAgentId(1).SequenceNumber(4243).UptimeMs(124_000)
        .CounterSample(s => s.SequenceNumber(12).Source(0, 3)
            .Record(CounterRecordEncoder.GenericInterface(new GenericInterfaceCounters(
                3, 6, 10_000_000_000, 1, 3, 123_456_789_012, 1000, 20, 3, 0, 1, 0, 987_654_321, 900, 30, 4, 0, 0, 0)))
            .Record(CounterRecordEncoder.Ethernet(new EthernetCounters(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13)))
            .Record(CounterRecordEncoder.PortName("veth-a1"u8))
            .Record(CounterRecordEncoder.OpenFlowPort(new OpenFlowPort(0x0000_AABB_CCDD_EEFF, 7))))
        .CounterSample(s => s.SequenceNumber(13).Source(2, 1000)
            .Record(CounterRecordEncoder.OvsDatapath(new OvsDatapath(5000, 40, 1, 9000, 12, 3)))
            .Record(CounterRecordEncoder.AppResources(new AppResources(1200, 800, 50_000_000, 8_000_000_000, 64, 1024, 5, 100))))
        .Build();

    /// <summary>An IPv6 agent with expanded samples: a QinQ/IPv6 header with extension headers, and VLAN, LACP and processor counters.</summary>
    public static byte[] IPv6AgentExpanded() => new SFlowDatagramBuilder()
        .Agent(Ip("2001:db8::1")).SubAgentId(2).SequenceNumber(9).UptimeMs(5000)
        .ExpandedFlowSample(s => s.SequenceNumber(1).Source(0, 0x0100_0000).SamplingRate(1000).SamplePool(5000).Drops(0)
            .Input(0x0200_0000).Output(new SFlowInterface(InterfaceFormat.Multiple, 0))
            .Record(FlowRecordEncoder.RawPacketHeader(HeaderProtocol.Ethernet, 200, 4, new PacketBuilder()
                .Ethernet(Mac("02:00:00:00:00:03"), Mac("33:33:00:00:00:01"))
                .Vlan(100, priority: 3, tpid: PacketBuilder.TpidQinQ)
                .Vlan(200)
                .IPv6(Ip("2001:db8::10"), Ip("2001:db8::20"), trafficClass: 0x28, flowLabel: 0x12345)
                .HopByHopOptions()
                .RoutingHeader()
                .DestinationOptions(16)
                .Udp(5353, 53)
                .Payload(20)
                .Build()))
            .Record(FlowRecordEncoder.IPv6(new SampledIPv6(140, 17, Ip("2001:db8::10"), Ip("2001:db8::20"), 5353, 53, 0, 5)))
            .Record(FlowRecordEncoder.ExtendedRouter(new ExtendedRouter(Ip("fe80::1"), 48, 64))))
        .ExpandedCounterSample(s => s.SequenceNumber(2).Source(1, 0x0200_0000)
            .Record(CounterRecordEncoder.Vlan(new VlanCounters(100, 1_000_000, 10, 20, 30, 40)))
            .Record(CounterRecordEncoder.Lacp(new LacpCounters(
                Mac("00:11:22:33:44:55"), Mac("66:77:88:99:aa:bb"), 4, 0x3D3D_3D3D, 11, 12, 13, 14, 15, 16, 17, 18)))
            .Record(CounterRecordEncoder.Processor(new ProcessorCounters(500, 1000, -1, 16_000_000_000, 4_000_000_000))))
        .Build();

    /// <summary>The host structures 2000-2010, as hsflowd sends them.</summary>
    public static byte[] HostCounters() => new SFlowDatagramBuilder()
        .Agent(Ip("10.0.0.2")).SequenceNumber(1).UptimeMs(60_000)
        .CounterSample(s => s.SequenceNumber(1).Source(2, 1)
            .Record(CounterRecordEncoder.HostDescription("node-1"u8, new Guid("0123abcd-4567-89ef-0123-456789abcdef"), 3, 2, "6.1.0-13"u8))
            .Record(CounterRecordEncoder.HostAdapters([
                new HostAdapterValue(1, [Mac("02:00:00:00:01:01")]),
                new HostAdapterValue(2, [Mac("02:00:00:00:02:01"), Mac("02:00:00:00:02:02")]),
            ]))
            .Record(CounterRecordEncoder.HostParent(new HostParent(3, 7)))
            .Record(CounterRecordEncoder.HostCpu(new HostCpu(
                0.5f, 0.75f, 1.25f, 3, 400, 2, 2400, 86_400, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)))
            .Record(CounterRecordEncoder.HostMemory(new HostMemory(
                16_000_000_000, 8_000_000_000, 100, 200, 300, 400, 500, 1, 2, 3, 4)))
            .Record(CounterRecordEncoder.HostDiskIo(new HostDiskIo(1_000_000_000_000, 500_000_000_000, 4500, 10, 4096, 5, 20, 8192, 6)))
            .Record(CounterRecordEncoder.HostNetIo(new HostNetIo(1_000_000, 1000, 1, 2, 2_000_000, 2000, 3, 4)))
            .Record(CounterRecordEncoder.Mib2Ip(new Mib2IpGroup(1, 64, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19)))
            .Record(CounterRecordEncoder.Mib2Icmp(new Mib2IcmpGroup(
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25)))
            .Record(CounterRecordEncoder.Mib2Tcp(new Mib2TcpGroup(1, 200, 120_000, 4294967295, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)))
            .Record(CounterRecordEncoder.Mib2Udp(new Mib2UdpGroup(1, 2, 3, 4, 5, 6, 7))))
        .Build();

    /// <summary>A flow sample holding the decoded-field and extended records: gateway, user, URL, MPLS, NAT and the tunnel records.</summary>
    public static byte[] ExtendedFlowRecords() => new SFlowDatagramBuilder()
        .Agent(Ip("10.0.0.3")).SequenceNumber(2).UptimeMs(1)
        .FlowSample(s => s.SequenceNumber(5).Source(0, 9).SamplingRate(100).SamplePool(100).Input(9).Output(10)
            .Record(FlowRecordEncoder.Ethernet(new SampledEthernet(1518, Mac("02:00:00:00:00:0a"), Mac("02:00:00:00:00:0b"), 0x0800)))
            .Record(FlowRecordEncoder.IPv4(new SampledIPv4(1500, 6, Ip("10.1.1.1"), Ip("10.2.2.2"), 1234, 80, 0x18, 0x10)))
            .Record(FlowRecordEncoder.ExtendedGateway(
                Ip("10.255.0.1"), 65000, 65001, 65002,
                [AsPathSegmentValue.Sequence(65002, 65003, 65004), AsPathSegmentValue.Set(65010, 65011)],
                [0xFDE8_0001, 0xFDE8_0002],
                100))
            .Record(FlowRecordEncoder.ExtendedUser(106, "alice"u8, 106, "bob"u8))
            .Record(FlowRecordEncoder.ExtendedUrl(1, "/index.html"u8, "example.org"u8))
            .Record(FlowRecordEncoder.ExtendedMpls(Ip("10.254.0.1"), [0x0001_4100, 0x0002_8100], [0x0003_C100]))
            .Record(FlowRecordEncoder.ExtendedNat(new ExtendedNat(Ip("203.0.113.5"), Ip("198.51.100.7"))))
            .Record(FlowRecordEncoder.Ethernet(
                new SampledEthernet(100, Mac("02:00:00:00:01:0a"), Mac("02:00:00:00:01:0b"), 0x86DD), FlowRecordFormat.ExtendedL2TunnelEgress))
            .Record(FlowRecordEncoder.Ethernet(
                new SampledEthernet(101, Mac("02:00:00:00:02:0a"), Mac("02:00:00:00:02:0b"), 0x0800), FlowRecordFormat.ExtendedL2TunnelIngress))
            .Record(FlowRecordEncoder.IPv4(
                new SampledIPv4(120, 47, Ip("172.16.1.1"), Ip("172.16.1.2"), 0, 0, 0, 0), FlowRecordFormat.ExtendedIPv4TunnelIngress))
            .Record(FlowRecordEncoder.IPv6(
                new SampledIPv6(140, 17, Ip("2001:db8:1::1"), Ip("2001:db8:1::2"), 1, 4789, 0, 0), FlowRecordFormat.ExtendedIPv6TunnelEgress))
            .Record(FlowRecordEncoder.IPv6(
                new SampledIPv6(141, 17, Ip("2001:db8:2::1"), Ip("2001:db8:2::2"), 2, 4789, 0, 0), FlowRecordFormat.ExtendedIPv6TunnelIngress))
            .Record(FlowRecordEncoder.ExtendedDecapsulation(FlowRecordFormat.ExtendedDecapsulateEgress, new ExtendedDecapsulation(50)))
            .Record(FlowRecordEncoder.ExtendedDecapsulation(FlowRecordFormat.ExtendedDecapsulateIngress, new ExtendedDecapsulation(54)))
            .Record(FlowRecordEncoder.ExtendedVni(FlowRecordFormat.ExtendedVniIngress, new ExtendedVni(6001))))
        .Build();

    /// <summary>
    /// A discard sample with an ICMPv6 header, an unknown-enterprise sample, unknown records between known ones, and
    /// flow samples whose interfaces are a discard reason and an unknown count of outputs.
    /// </summary>
    public static byte[] DiscardAndUnknown() => new SFlowDatagramBuilder()
        .Agent(Ip("10.0.0.4")).SequenceNumber(3).UptimeMs(2)
        .DiscardSample(s => s.SequenceNumber(8).Source(0, 5).Drops(1).Input(5).Output(0).Reason(262)
            .Record(FlowRecordEncoder.RawPacketHeader(HeaderProtocol.IPv6, 80, 0, new PacketBuilder()
                .IPv6(Ip("fe80::1"), Ip("ff02::1"), hopLimit: 255)
                .IcmpV6(134, 0)
                .Build())))
        .Sample(SFlowStructure.Create(4413, 1, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))
        .FlowSample(s => s.SequenceNumber(6).Source(0, 5).SamplingRate(10).SamplePool(10)
            .Input(new SFlowInterface(InterfaceFormat.Discarded, 42)).Output(new SFlowInterface(InterfaceFormat.Multiple, 0))
            .Record(SFlowStructure.Create(0, 999, [0xAA, 0xBB, 0xCC, 0xDD]))
            .Record(SFlowStructure.Create(4413, 1, [0, 0, 0, 1, 0, 0, 0, 2]))
            .Record(FlowRecordEncoder.ExtendedSwitch(new ExtendedSwitch(30, 3, 40, 4))))
        .CounterSample(s => s.SequenceNumber(9).Source(0, 5)
            .Record(SFlowStructure.Create(0, 3, [1, 2, 3, 4, 5, 6, 7, 8]))
            .Record(CounterRecordEncoder.PortName("eth0"u8)))
        .Build();

    /// <summary>Flow samples whose headers start at the IP layer: IPv4 with options carrying ICMP, and an IPv6 first fragment carrying SCTP.</summary>
    public static byte[] BareIpHeaders() => new SFlowDatagramBuilder()
        .Agent(Ip("10.0.0.5")).SequenceNumber(4).UptimeMs(3)
        .FlowSample(s => s.SequenceNumber(1).Source(0, 1).SamplingRate(1).SamplePool(1).Input(1).Output(2)
            .Record(FlowRecordEncoder.RawPacketHeader(HeaderProtocol.IPv4, 84, 0, new PacketBuilder()
                .IPv4(Ip("10.9.9.1"), Ip("10.9.9.2"), options: [0x94, 0x04, 0x00, 0x00])
                .Icmp(8, 0)
                .Payload(8)
                .Build())))
        .FlowSample(s => s.SequenceNumber(2).Source(0, 1).SamplingRate(1).SamplePool(2).Input(1).Output(2)
            .Record(FlowRecordEncoder.RawPacketHeader(HeaderProtocol.IPv6, 1280, 0, new PacketBuilder()
                .IPv6(Ip("2001:db8::a"), Ip("2001:db8::b"))
                .IPv6Fragment(0, moreFragments: true)
                .Sctp(2905, 2906)
                .Payload(16)
                .Build())))
        .Build();
}
