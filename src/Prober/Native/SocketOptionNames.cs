namespace NetworkMachinery.Prober.Native;

/// <summary>Linux socket option levels and names that <see cref="System.Net.Sockets.SocketOptionName"/> lacks.</summary>
internal static class SocketOptionNames
{
    /// <summary><c>IPPROTO_IP</c>: the level of <see cref="IpRecvErr"/>.</summary>
    public const int IpProtoIp = 0;

    /// <summary><c>IPPROTO_IPV6</c>: the level of <see cref="Ipv6RecvErr"/>.</summary>
    public const int IpProtoIpv6 = 41;

    /// <summary><c>IP_RECVERR</c> (level IPPROTO_IP): report every ICMP error to the socket, not only the "hard" ones.</summary>
    public const int IpRecvErr = 11;

    /// <summary><c>IPV6_RECVERR</c> (level IPPROTO_IPV6).</summary>
    public const int Ipv6RecvErr = 25;

    /// <summary><c>SOL_RAW</c>: the level of <see cref="IcmpFilter"/>.</summary>
    public const int SolRaw = 255;

    /// <summary><c>ICMP_FILTER</c>: a bit mask of ICMP types a raw IPv4 socket drops (bit set = dropped).</summary>
    public const int IcmpFilter = 1;

    /// <summary><c>IPPROTO_ICMPV6</c>: the level of <see cref="Icmp6Filter"/>.</summary>
    public const int IpProtoIcmpV6 = 58;

    /// <summary><c>ICMP6_FILTER</c>: a 256-bit mask of ICMPv6 types a raw socket drops (bit set = dropped).</summary>
    public const int Icmp6Filter = 1;
}
