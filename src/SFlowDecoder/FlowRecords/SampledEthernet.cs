namespace NetworkMachinery.SFlow;

/// <summary>
/// Flow record 2 (<c>sampled_ethernet</c>): Ethernet fields an agent decoded itself. Records 1021 and 1022
/// (the outer Ethernet header of a tunnelled packet) have the same layout.
/// </summary>
/// <param name="Length">Length of the MAC packet in bytes.</param>
/// <param name="SourceMac">Source MAC address.</param>
/// <param name="DestinationMac">Destination MAC address.</param>
/// <param name="EtherType">The Ethernet packet type.</param>
public readonly record struct SampledEthernet(uint Length, MacAddress SourceMac, MacAddress DestinationMac, uint EtherType)
    : ISFlowRecord<SampledEthernet>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out SampledEthernet value)
    {
        if (!reader.TryReadFixed(24, out var fields))
        {
            value = default;
            return false;
        }

        value = new SampledEthernet(XdrFields.UInt32(fields, 0), XdrFields.Mac(fields, 4), XdrFields.Mac(fields, 12), XdrFields.UInt32(fields, 20));
        return true;
    }
}
