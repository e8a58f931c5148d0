using System.Net;

namespace NetworkMachinery.Testing.Ovs;

/// <summary>
/// A bridge's sFlow export settings (a row of OVS's sFlow table). OVS 3.1 has no setting for the datagram size: it
/// always fills datagrams up to 1400 bytes.
/// </summary>
public sealed record OvsSFlowOptions
{
    /// <summary>
    /// Collectors to send to. Addresses are seen from the switch's namespace: 127.0.0.1 is its own loopback. To capture
    /// with tcpdump alone, still have something listen on the port: OVS sends from a connected socket, and when
    /// nothing listens every ICMP port unreachable makes its next send fail, so half the datagrams never leave.
    /// </summary>
    public required IReadOnlyList<IPEndPoint> Targets { get; init; }

    /// <summary>The device whose address becomes the datagrams' agent address; <c>lo</c> gives 127.0.0.1.</summary>
    public string Agent { get; init; } = "lo";

    /// <summary>Sample one packet in this many; 1 samples every packet.</summary>
    public int Sampling { get; init; } = 1;

    /// <summary>Seconds between counter samples of each port.</summary>
    public int Polling { get; init; } = 1;

    /// <summary>Bytes of each sampled packet copied into its raw packet header record.</summary>
    public int HeaderBytes { get; init; } = 128;
}
