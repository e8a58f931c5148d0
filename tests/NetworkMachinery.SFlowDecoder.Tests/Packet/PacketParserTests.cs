using NetworkMachinery.Testing.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.SFlow.Tests;

public class PacketParserTests
{
    private static readonly MacAddress SourceMac = Mac("02:11:22:33:44:55");
    private static readonly MacAddress DestinationMac = Mac("0a:66:77:88:99:aa");

    [Fact]
    public void Parse_EthernetIPv4Tcp_ReadsEveryLayer()
    {
        var frame = new PacketBuilder()
            .Ethernet(SourceMac, DestinationMac)
            .IPv4(Ip("192.168.10.1"), Ip("192.168.20.2"), ttl: 61, tos: 0xB8)
            .Tcp(51_000, 8443, TcpControlBits.Psh | TcpControlBits.Ack)
            .Payload(30)
            .Build();

        var packet = PacketParser.Parse(HeaderProtocol.Ethernet, frame);

        Assert.Equal(PacketLayers.Ethernet | PacketLayers.IPv4 | PacketLayers.Ports | PacketLayers.TcpFlags, packet.Layers);
        Assert.Equal(SourceMac, packet.SourceMac);
        Assert.Equal(DestinationMac, packet.DestinationMac);
        Assert.Equal(0x0800, packet.EtherType);
        Assert.Equal(0, packet.Vlan);
        Assert.Equal("192.168.10.1", packet.SourceAddress.ToString());
        Assert.Equal("192.168.20.2", packet.DestinationAddress.ToString());
        Assert.Equal(6, packet.IpProtocol);
        Assert.Equal(61, packet.Ttl);
        Assert.Equal(0xB8, packet.Tos);
        Assert.Equal(20 + 20 + 30, packet.IpLength);
        Assert.Equal(51_000, packet.SourcePort);
        Assert.Equal(8443, packet.DestinationPort);
        Assert.Equal(0x18, packet.TcpFlags);
        Assert.True(packet.HasIp);
    }

    [Fact]
    public void Parse_Dot1QTag_ReadsVlanAndPriorityAndInnerEtherType()
    {
        var frame = new PacketBuilder()
            .Ethernet(SourceMac, DestinationMac)
            .Vlan(0xABC, priority: 5)
            .IPv4(Ip("10.0.0.1"), Ip("10.0.0.2"))
            .Udp(1000, 2000)
            .Build();

        var packet = PacketParser.Parse(HeaderProtocol.Ethernet, frame);

        Assert.True(packet.Has(PacketLayers.Vlan));
        Assert.Equal(0xABC, packet.Vlan);
        Assert.Equal(5, packet.VlanPriority);
        Assert.Equal(0, packet.InnerVlan);
        Assert.Equal(0x0800, packet.EtherType);
        Assert.Equal("10.0.0.1", packet.SourceAddress.ToString());
        Assert.Equal(1000, packet.SourcePort);
        Assert.Equal(2000, packet.DestinationPort);
    }

    [Theory]
    [InlineData(PacketBuilder.TpidQinQ)]
    [InlineData((ushort)0x9100)]
    public void Parse_QinQ_ReadsOuterAndInnerVlan(ushort outerTpid)
    {
        var frame = new PacketBuilder()
            .Ethernet(SourceMac, DestinationMac)
            .Vlan(300, priority: 6, tpid: outerTpid)
            .Vlan(400, priority: 1)
            .IPv6(Ip("2001:db8::1"), Ip("2001:db8::2"))
            .Udp(546, 547)
            .Build();

        var packet = PacketParser.Parse(HeaderProtocol.Ethernet, frame);

        Assert.Equal(300, packet.Vlan);
        Assert.Equal(6, packet.VlanPriority);
        Assert.Equal(400, packet.InnerVlan);
        Assert.Equal(0x86DD, packet.EtherType);
        Assert.True(packet.Has(PacketLayers.IPv6));
        Assert.Equal(546, packet.SourcePort);
        Assert.Equal(547, packet.DestinationPort);
    }

    [Fact]
    public void Parse_IPv4WithOptions_ReadsPortsAfterTheOptions()
    {
        // IHL 8: twelve option bytes sit where a parser ignoring IHL would look for the ports.
        byte[] options = [0x94, 0x04, 0x00, 0x00, 0x01, 0x01, 0x01, 0x01, 0x07, 0x03, 0x04, 0x00];
        var frame = new PacketBuilder()
            .Ethernet(SourceMac, DestinationMac)
            .IPv4(Ip("10.1.1.1"), Ip("10.2.2.2"), options: options)
            .Tcp(12_345, 80, TcpControlBits.Syn)
            .Build();

        var packet = PacketParser.Parse(HeaderProtocol.Ethernet, frame);

        Assert.Equal(0x48, frame[14]);
        Assert.Equal(12_345, packet.SourcePort);
        Assert.Equal(80, packet.DestinationPort);
        Assert.Equal(0x02, packet.TcpFlags);
        Assert.Equal(32 + 20, packet.IpLength);
    }

    [Fact]
    public void Parse_IPv4FirstFragment_MarksFragmentAndReadsPorts()
    {
        var frame = new PacketBuilder()
            .Ethernet(SourceMac, DestinationMac)
            .IPv4(Ip("10.1.1.1"), Ip("10.2.2.2"), moreFragments: true)
            .Udp(4000, 5000)
            .Payload(100)
            .Build();

        var packet = PacketParser.Parse(HeaderProtocol.Ethernet, frame);

        Assert.True(packet.Has(PacketLayers.Fragment));
        Assert.Equal(0, packet.FragmentOffset);
        Assert.True(packet.Has(PacketLayers.Ports));
        Assert.Equal(4000, packet.SourcePort);
        Assert.Equal(5000, packet.DestinationPort);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Parse_IPv4LaterFragment_MarksFragmentWithoutPorts(bool moreFragments)
    {
        var frame = new PacketBuilder()
            .Ethernet(SourceMac, DestinationMac)
            .IPv4(Ip("10.1.1.1"), Ip("10.2.2.2"), fragmentOffset: 185, moreFragments: moreFragments)
            .Udp(4000, 5000) // the bytes of a later fragment are payload, not a UDP header
            .Build();

        var packet = PacketParser.Parse(HeaderProtocol.Ethernet, frame);

        Assert.True(packet.Has(PacketLayers.Fragment));
        Assert.Equal(185, packet.FragmentOffset);
        Assert.Equal(17, packet.IpProtocol);
        Assert.False(packet.Has(PacketLayers.Ports));
        Assert.Equal(0, packet.SourcePort);
    }

    [Fact]
    public void Parse_IPv6ExtensionHeadersBeforeTcp_ReadsTransportAfterThem()
    {
        var frame = new PacketBuilder()
            .Ethernet(SourceMac, DestinationMac)
            .IPv6(Ip("2001:db8:1::1"), Ip("2001:db8:2::2"), hopLimit: 33, trafficClass: 0x2E, flowLabel: 0xABCDE)
            .HopByHopOptions(16)
            .RoutingHeader(segmentsLeft: 1, length: 40)
            .DestinationOptions()
            .Tcp(33_000, 22, TcpControlBits.Fin | TcpControlBits.Ack)
            .Payload(4)
            .Build();

        var packet = PacketParser.Parse(HeaderProtocol.Ethernet, frame);

        Assert.Equal(PacketLayers.Ethernet | PacketLayers.IPv6 | PacketLayers.Ports | PacketLayers.TcpFlags, packet.Layers);
        Assert.Equal("2001:db8:1::1", packet.SourceAddress.ToString());
        Assert.Equal("2001:db8:2::2", packet.DestinationAddress.ToString());
        Assert.Equal(6, packet.IpProtocol);
        Assert.Equal(33, packet.Ttl);
        Assert.Equal(0x2E, packet.Tos);
        Assert.Equal(0xABCDEu, packet.FlowLabel);
        Assert.Equal(40 + 16 + 40 + 8 + 20 + 4, packet.IpLength);
        Assert.Equal(33_000, packet.SourcePort);
        Assert.Equal(22, packet.DestinationPort);
        Assert.Equal(0x11, packet.TcpFlags);
    }

    [Fact]
    public void Parse_IPv6AuthenticationHeader_ReadsTransportAfterIt()
    {
        var header = new PacketBuilder()
            .IPv6(Ip("2001:db8::1"), Ip("2001:db8::2"))
            .AuthenticationHeader(24)
            .Udp(500, 4500)
            .Build();

        var packet = PacketParser.Parse(HeaderProtocol.IPv6, header);

        Assert.Equal(17, packet.IpProtocol);
        Assert.Equal(500, packet.SourcePort);
        Assert.Equal(4500, packet.DestinationPort);
    }

    [Fact]
    public void Parse_IPv6FirstFragment_MarksFragmentAndReadsPorts()
    {
        var header = new PacketBuilder()
            .IPv6(Ip("2001:db8::1"), Ip("2001:db8::2"))
            .IPv6Fragment(0, moreFragments: true)
            .Udp(7000, 8000)
            .Build();

        var packet = PacketParser.Parse(HeaderProtocol.IPv6, header);

        Assert.True(packet.Has(PacketLayers.Fragment));
        Assert.Equal(0, packet.FragmentOffset);
        Assert.Equal(17, packet.IpProtocol);
        Assert.Equal(7000, packet.SourcePort);
        Assert.Equal(8000, packet.DestinationPort);
    }

    [Fact]
    public void Parse_IPv6LaterFragment_MarksFragmentWithoutPorts()
    {
        var header = new PacketBuilder()
            .IPv6(Ip("2001:db8::1"), Ip("2001:db8::2"))
            .IPv6Fragment(0x1ABC, moreFragments: false)
            .Udp(7000, 8000)
            .Build();

        var packet = PacketParser.Parse(HeaderProtocol.IPv6, header);

        Assert.True(packet.Has(PacketLayers.Fragment));
        Assert.Equal(0x1ABC, packet.FragmentOffset);
        Assert.Equal(17, packet.IpProtocol);
        Assert.False(packet.Has(PacketLayers.Ports));
    }

    [Fact]
    public void Parse_TcpAllFlagsIncludingNs_ReadsNineBits()
    {
        var all = TcpControlBits.Fin | TcpControlBits.Syn | TcpControlBits.Rst | TcpControlBits.Psh | TcpControlBits.Ack
            | TcpControlBits.Urg | TcpControlBits.Ece | TcpControlBits.Cwr | TcpControlBits.Ns;
        var header = new PacketBuilder().IPv4(Ip("10.0.0.1"), Ip("10.0.0.2")).Tcp(1, 2, all).Build();

        Assert.Equal(0x1FF, PacketParser.Parse(HeaderProtocol.IPv4, header).TcpFlags);
    }

    [Fact]
    public void Parse_TcpNsOnly_ReadsBitEight()
    {
        var header = new PacketBuilder().IPv4(Ip("10.0.0.1"), Ip("10.0.0.2")).Tcp(1, 2, TcpControlBits.Ns).Build();

        Assert.Equal(0x100, PacketParser.Parse(HeaderProtocol.IPv4, header).TcpFlags);
    }

    [Fact]
    public void Parse_Sctp_ReadsPorts()
    {
        var header = new PacketBuilder().IPv4(Ip("10.0.0.1"), Ip("10.0.0.2")).Sctp(2905, 36_412).Build();

        var packet = PacketParser.Parse(HeaderProtocol.IPv4, header);

        Assert.Equal(132, packet.IpProtocol);
        Assert.Equal(PacketLayers.IPv4 | PacketLayers.Ports, packet.Layers);
        Assert.Equal(2905, packet.SourcePort);
        Assert.Equal(36_412, packet.DestinationPort);
    }

    [Fact]
    public void Parse_Icmp_ReadsTypeAndCode()
    {
        var frame = new PacketBuilder().Ethernet(SourceMac, DestinationMac).IPv4(Ip("10.0.0.1"), Ip("10.0.0.2")).Icmp(3, 13).Build();

        var packet = PacketParser.Parse(HeaderProtocol.Ethernet, frame);

        Assert.Equal(PacketLayers.Ethernet | PacketLayers.IPv4 | PacketLayers.Icmp, packet.Layers);
        Assert.Equal(1, packet.IpProtocol);
        Assert.Equal(3, packet.IcmpType);
        Assert.Equal(13, packet.IcmpCode);
    }

    [Fact]
    public void Parse_IcmpV6_ReadsTypeAndCode()
    {
        var frame = new PacketBuilder().Ethernet(SourceMac, DestinationMac).IPv6(Ip("fe80::1"), Ip("ff02::2")).IcmpV6(133, 7).Build();

        var packet = PacketParser.Parse(HeaderProtocol.Ethernet, frame);

        Assert.Equal(PacketLayers.Ethernet | PacketLayers.IPv6 | PacketLayers.Icmp, packet.Layers);
        Assert.Equal(58, packet.IpProtocol);
        Assert.Equal(133, packet.IcmpType);
        Assert.Equal(7, packet.IcmpCode);
    }

    [Fact]
    public void Parse_IcmpV6NumberInsideIPv4_NotReadAsIcmp()
    {
        var header = new PacketBuilder().IPv4(Ip("10.0.0.1"), Ip("10.0.0.2")).Payload([128, 0, 0, 0]).Build();
        header[9] = 58;

        Assert.False(PacketParser.Parse(HeaderProtocol.IPv4, header).Has(PacketLayers.Icmp));
    }

    [Fact]
    public void Parse_HeaderProtocol11_ReadsBareIPv4()
    {
        var header = new PacketBuilder().IPv4(Ip("172.16.5.4"), Ip("172.16.6.7"), ttl: 9).Udp(53, 5353).Build();

        var packet = PacketParser.Parse(HeaderProtocol.IPv4, header);

        Assert.Equal(PacketLayers.IPv4 | PacketLayers.Ports, packet.Layers);
        Assert.False(packet.Has(PacketLayers.Ethernet));
        Assert.Equal(0, packet.EtherType);
        Assert.Equal("172.16.5.4", packet.SourceAddress.ToString());
        Assert.Equal("172.16.6.7", packet.DestinationAddress.ToString());
        Assert.Equal(9, packet.Ttl);
        Assert.Equal(53, packet.SourcePort);
    }

    [Fact]
    public void Parse_HeaderProtocol12_ReadsBareIPv6()
    {
        var header = new PacketBuilder().IPv6(Ip("2001:db8::5"), Ip("2001:db8::6")).Tcp(8080, 9090).Build();

        var packet = PacketParser.Parse(HeaderProtocol.IPv6, header);

        Assert.Equal(PacketLayers.IPv6 | PacketLayers.Ports | PacketLayers.TcpFlags, packet.Layers);
        Assert.Equal("2001:db8::5", packet.SourceAddress.ToString());
        Assert.Equal(8080, packet.SourcePort);
        Assert.Equal(9090, packet.DestinationPort);
    }

    [Fact]
    public void Parse_BareHeaderOfTheOtherIpVersion_ParsesNothing()
    {
        var ipv6 = new PacketBuilder().IPv6(Ip("2001:db8::5"), Ip("2001:db8::6")).Tcp(1, 2).Build();
        var ipv4 = new PacketBuilder().IPv4(Ip("10.0.0.1"), Ip("10.0.0.2")).Tcp(1, 2).Payload(20).Build();

        Assert.Equal(PacketLayers.None, PacketParser.Parse(HeaderProtocol.IPv4, ipv6).Layers);
        Assert.Equal(PacketLayers.None, PacketParser.Parse(HeaderProtocol.IPv6, ipv4).Layers);
    }

    [Fact]
    public void Parse_UnsupportedHeaderProtocol_ParsesNothing()
    {
        var frame = new PacketBuilder().Ethernet(SourceMac, DestinationMac).IPv4(Ip("10.0.0.1"), Ip("10.0.0.2")).Build();

        Assert.Equal(PacketLayers.None, PacketParser.Parse((HeaderProtocol)13, frame).Layers);
    }

    [Fact]
    public void Parse_NonIpEtherType_ReadsEthernetOnly()
    {
        var frame = new PacketBuilder().Ethernet(SourceMac, DestinationMac, etherType: 0x0806).Payload(28).Build();

        var packet = PacketParser.Parse(HeaderProtocol.Ethernet, frame);

        Assert.Equal(PacketLayers.Ethernet, packet.Layers);
        Assert.Equal(0x0806, packet.EtherType);
        Assert.True(packet.SourceAddress.IsNone);
    }

    [Fact]
    public void Parse_IPv4HeaderLengthBelowFive_ParsesNoIp()
    {
        var header = new PacketBuilder().IPv4(Ip("10.0.0.1"), Ip("10.0.0.2")).Tcp(1, 2).Build();
        header[0] = 0x44;

        Assert.Equal(PacketLayers.None, PacketParser.Parse(HeaderProtocol.IPv4, header).Layers);
    }

    [Fact]
    public void Parse_MoreVlanTagsThanTheLimit_StopsWithoutReadingIp()
    {
        var builder = new PacketBuilder().Ethernet(SourceMac, DestinationMac);
        for (var i = 1; i <= 5; i++)
        {
            builder.Vlan((ushort)i);
        }

        var packet = PacketParser.Parse(HeaderProtocol.Ethernet, builder.IPv4(Ip("10.0.0.1"), Ip("10.0.0.2")).Build());

        Assert.Equal(1, packet.Vlan);
        Assert.Equal(2, packet.InnerVlan);
        Assert.Equal(PacketBuilder.TpidVlan, packet.EtherType);
        Assert.False(packet.HasIp);
    }

    [Fact]
    public void Parse_MoreIPv6ExtensionHeadersThanTheLimit_StopsWithoutReadingPorts()
    {
        var builder = new PacketBuilder().IPv6(Ip("2001:db8::1"), Ip("2001:db8::2"));
        for (var i = 0; i < 9; i++)
        {
            builder.DestinationOptions();
        }

        var packet = PacketParser.Parse(HeaderProtocol.IPv6, builder.Udp(1, 2).Build());

        Assert.True(packet.Has(PacketLayers.IPv6));
        Assert.False(packet.Has(PacketLayers.Ports));
        Assert.Equal(60, packet.IpProtocol);
    }
}
