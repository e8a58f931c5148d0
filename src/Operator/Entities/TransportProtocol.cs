namespace NetworkMachinery.Operator.Entities;

/// <summary>The values of <see cref="ConnectivityDestination.Protocol"/>.</summary>
public static class TransportProtocol
{
    /// <summary>TCP: a probe succeeds when the connection is accepted, and is refused on a reset.</summary>
    public const string Tcp = "TCP";

    /// <summary>UDP: a probe is refused when an ICMP port-unreachable comes back.</summary>
    public const string Udp = "UDP";
}
