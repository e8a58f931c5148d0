namespace NetworkMachinery.Operator.Entities;

/// <summary>The values of <see cref="ConnectivityDestination.Protocol"/>.</summary>
public static class TransportProtocol
{
    /// <summary>TCP: a probe succeeds when the connection is accepted, and is refused on a reset.</summary>
    public const string Tcp = "TCP";

    /// <summary>UDP: a probe is refused when an ICMP port-unreachable comes back.</summary>
    public const string Udp = "UDP";

    /// <summary>HTTP: a GET of the destination's path over a TCP connection; any response is reachable, its status is reported.</summary>
    public const string Http = "HTTP";

    /// <summary>HTTPS: as HTTP over TLS, the certificate validated unless the destination says otherwise.</summary>
    public const string Https = "HTTPS";
}
