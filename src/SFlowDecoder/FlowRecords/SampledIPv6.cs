namespace NetworkMachinery.SFlow;

/// <summary>
/// Flow record 4 (<c>sampled_ipv6</c>): IPv6 fields an agent decoded itself. Records 1025 and 1026
/// (the outer IPv6 header of a tunnelled packet) have the same layout.
/// </summary>
/// <param name="Length">Length of the IP packet, without lower-layer encapsulation.</param>
/// <param name="Protocol">IP next-header protocol number.</param>
/// <param name="SourceAddress">Source address.</param>
/// <param name="DestinationAddress">Destination address.</param>
/// <param name="SourcePort">TCP or UDP source port, or the equivalent.</param>
/// <param name="DestinationPort">TCP or UDP destination port, or the equivalent.</param>
/// <param name="TcpFlags">TCP flags.</param>
/// <param name="Priority">IP priority (traffic class).</param>
public readonly record struct SampledIPv6(
    uint Length,
    uint Protocol,
    IpAddressValue SourceAddress,
    IpAddressValue DestinationAddress,
    uint SourcePort,
    uint DestinationPort,
    uint TcpFlags,
    uint Priority) : ISFlowRecord<SampledIPv6>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out SampledIPv6 value)
    {
        if (!reader.TryReadFixed(56, out var fields))
        {
            value = default;
            return false;
        }

        value = new SampledIPv6(
            XdrFields.UInt32(fields, 0), XdrFields.UInt32(fields, 4), XdrFields.IPv6(fields, 8), XdrFields.IPv6(fields, 24),
            XdrFields.UInt32(fields, 40), XdrFields.UInt32(fields, 44), XdrFields.UInt32(fields, 48), XdrFields.UInt32(fields, 52));
        return true;
    }
}
