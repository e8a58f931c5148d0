namespace NetworkMachinery.SFlow;

/// <summary>
/// Flow record 3 (<c>sampled_ipv4</c>): IPv4 fields an agent decoded itself. Records 1023 and 1024
/// (the outer IPv4 header of a tunnelled packet) have the same layout.
/// </summary>
/// <param name="Length">Length of the IP packet, without lower-layer encapsulation.</param>
/// <param name="Protocol">IP protocol number (6 TCP, 17 UDP, ...).</param>
/// <param name="SourceAddress">Source address.</param>
/// <param name="DestinationAddress">Destination address.</param>
/// <param name="SourcePort">TCP or UDP source port, or the equivalent.</param>
/// <param name="DestinationPort">TCP or UDP destination port, or the equivalent.</param>
/// <param name="TcpFlags">TCP flags.</param>
/// <param name="Tos">IP type of service.</param>
public readonly record struct SampledIPv4(
    uint Length,
    uint Protocol,
    IpAddressValue SourceAddress,
    IpAddressValue DestinationAddress,
    uint SourcePort,
    uint DestinationPort,
    uint TcpFlags,
    uint Tos) : ISFlowRecord<SampledIPv4>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out SampledIPv4 value)
    {
        if (!reader.TryReadFixed(32, out var fields))
        {
            value = default;
            return false;
        }

        value = new SampledIPv4(
            XdrFields.UInt32(fields, 0), XdrFields.UInt32(fields, 4), XdrFields.IPv4(fields, 8), XdrFields.IPv4(fields, 12),
            XdrFields.UInt32(fields, 16), XdrFields.UInt32(fields, 20), XdrFields.UInt32(fields, 24), XdrFields.UInt32(fields, 28));
        return true;
    }
}
