using NetworkMachinery.Testing.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.SFlow.Tests;

/// <summary>
/// Agents send the first bytes of a packet, so headers end anywhere. Cut at every length, the parser reports exactly
/// the layers whose bytes are all there, with the same values as from the whole packet, and never throws.
/// </summary>
public class PacketParserTruncationTests
{
    private static readonly MacAddress SourceMac = Mac("02:00:00:00:00:01");
    private static readonly MacAddress DestinationMac = Mac("02:00:00:00:00:02");

    [Fact]
    public void Parse_EthernetVlanIPv4TcpCutAtEveryLength_ReportsCompleteLayersOnly()
    {
        var frame = new PacketBuilder()
            .Ethernet(SourceMac, DestinationMac)
            .Vlan(42, priority: 4)
            .IPv4(Ip("10.0.0.1"), Ip("10.0.0.2"))
            .Tcp(1111, 2222, TcpControlBits.Syn)
            .Build();

        AssertEveryPrefix(HeaderProtocol.Ethernet, frame, new()
        {
            [PacketLayers.Ethernet] = 14,
            [PacketLayers.Vlan] = 18,
            [PacketLayers.IPv4] = 18 + 20,
            [PacketLayers.Ports] = 38 + 4,
            [PacketLayers.TcpFlags] = 38 + 14,
        });
    }

    [Fact]
    public void Parse_QinQIPv6ExtensionHeadersUdpCutAtEveryLength_ReportsCompleteLayersOnly()
    {
        var frame = new PacketBuilder()
            .Ethernet(SourceMac, DestinationMac)
            .Vlan(10, tpid: PacketBuilder.TpidQinQ)
            .Vlan(20)
            .IPv6(Ip("2001:db8::1"), Ip("2001:db8::2"))
            .HopByHopOptions()
            .RoutingHeader()
            .DestinationOptions(16)
            .Udp(53, 53)
            .Build();
        const int Ip6 = 22;

        AssertEveryPrefix(HeaderProtocol.Ethernet, frame, new()
        {
            [PacketLayers.Ethernet] = 14,
            [PacketLayers.Vlan] = 18,
            [PacketLayers.IPv6] = Ip6 + 40,
            [PacketLayers.Ports] = Ip6 + 40 + 8 + 24 + 16 + 4,
            [PacketLayers.TcpFlags] = int.MaxValue,
        });
    }

    [Fact]
    public void Parse_BareIPv4WithOptionsAndIcmpCutAtEveryLength_ReportsCompleteLayersOnly()
    {
        var header = new PacketBuilder()
            .IPv4(Ip("10.0.0.1"), Ip("10.0.0.2"), options: [1, 1, 1, 0])
            .Icmp(11, 1)
            .Build();

        AssertEveryPrefix(HeaderProtocol.IPv4, header, new()
        {
            [PacketLayers.Ethernet] = int.MaxValue,
            [PacketLayers.IPv4] = 20,
            [PacketLayers.Icmp] = 24 + 2,
        });
    }

    [Fact]
    public void Parse_BareIPv6FragmentTcpCutAtEveryLength_ReportsCompleteLayersOnly()
    {
        var header = new PacketBuilder()
            .IPv6(Ip("2001:db8::1"), Ip("2001:db8::2"))
            .IPv6Fragment(0, moreFragments: true)
            .Tcp(443, 50_000, TcpControlBits.Ack | TcpControlBits.Ns)
            .Build();

        AssertEveryPrefix(HeaderProtocol.IPv6, header, new()
        {
            [PacketLayers.IPv6] = 40,
            [PacketLayers.Fragment] = 48,
            [PacketLayers.Ports] = 48 + 4,
            [PacketLayers.TcpFlags] = 48 + 14,
        });
    }

    [Fact]
    public void Parse_BareIPv6IcmpV6CutAtEveryLength_ReportsCompleteLayersOnly()
    {
        var header = new PacketBuilder().IPv6(Ip("fe80::1"), Ip("ff02::1")).IcmpV6(135, 0).Build();

        AssertEveryPrefix(HeaderProtocol.IPv6, header, new()
        {
            [PacketLayers.IPv6] = 40,
            [PacketLayers.Icmp] = 42,
        });
    }

    // firstLengthWithLayer: for each layer, the shortest prefix that holds all of it.
    private static void AssertEveryPrefix(HeaderProtocol protocol, byte[] packet, Dictionary<PacketLayers, int> firstLengthWithLayer)
    {
        var whole = PacketParser.Parse(protocol, packet);
        for (var length = 0; length <= packet.Length; length++)
        {
            var cut = PacketParser.Parse(protocol, packet.AsSpan(0, length));

            foreach (var (layer, minimum) in firstLengthWithLayer)
            {
                Assert.True(cut.Has(layer) == (length >= minimum), $"{layer} at length {length}: got layers {cut.Layers}");
            }

            Assert.Equal(cut.Layers, cut.Layers & whole.Layers);
            if (cut.Has(PacketLayers.Ethernet))
            {
                Assert.Equal(whole.SourceMac, cut.SourceMac);
                Assert.Equal(whole.DestinationMac, cut.DestinationMac);
            }

            if (cut.Has(PacketLayers.Vlan))
            {
                Assert.Equal(whole.Vlan, cut.Vlan);
                Assert.Equal(whole.VlanPriority, cut.VlanPriority);
            }

            if (cut.HasIp)
            {
                Assert.Equal(whole.SourceAddress, cut.SourceAddress);
                Assert.Equal(whole.DestinationAddress, cut.DestinationAddress);
                Assert.Equal(whole.Ttl, cut.Ttl);
                Assert.Equal(whole.IpLength, cut.IpLength);
            }

            if (cut.Has(PacketLayers.Ports))
            {
                Assert.Equal(whole.IpProtocol, cut.IpProtocol);
                Assert.Equal(whole.SourcePort, cut.SourcePort);
                Assert.Equal(whole.DestinationPort, cut.DestinationPort);
            }

            if (cut.Has(PacketLayers.TcpFlags))
            {
                Assert.Equal(whole.TcpFlags, cut.TcpFlags);
            }

            if (cut.Has(PacketLayers.Icmp))
            {
                Assert.Equal(whole.IcmpType, cut.IcmpType);
                Assert.Equal(whole.IcmpCode, cut.IcmpCode);
            }
        }
    }
}
