namespace NetworkMachinery.SFlow;

/// <summary>The protocol of the first byte of a <see cref="RawPacketHeader"/> (sFlow <c>header_protocol</c>).</summary>
public enum HeaderProtocol : uint
{
    /// <summary>1: Ethernet (ISO 802.3), the one switches and Open vSwitch send.</summary>
    Ethernet = 1,

    /// <summary>11: a bare IPv4 packet.</summary>
    IPv4 = 11,

    /// <summary>12: a bare IPv6 packet.</summary>
    IPv6 = 12,
}
