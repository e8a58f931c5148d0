namespace NetworkMachinery.Operator.Entities;

/// <summary>The values of <see cref="NetworkConnectivityTestSpec.Layer"/>.</summary>
public static class ConnectivityLayer
{
    /// <summary>Layer 3: ICMP echo requests, no ports.</summary>
    public const string Network = "3";

    /// <summary>Layer 4: a TCP connection or UDP datagram to a port of every destination.</summary>
    public const string Transport = "4";
}
