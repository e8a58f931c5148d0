namespace NetworkMachinery.SFlow;

/// <summary>Flow record 1001 (<c>extended_switch</c>): the 802.1Q VLANs and 802.1p priorities on the way in and out.</summary>
/// <param name="SourceVlan">VLAN of the incoming frame.</param>
/// <param name="SourcePriority">Priority of the incoming frame.</param>
/// <param name="DestinationVlan">VLAN of the outgoing frame.</param>
/// <param name="DestinationPriority">Priority of the outgoing frame.</param>
public readonly record struct ExtendedSwitch(uint SourceVlan, uint SourcePriority, uint DestinationVlan, uint DestinationPriority)
    : ISFlowRecord<ExtendedSwitch>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out ExtendedSwitch value)
    {
        if (!reader.TryReadFixed(16, out var fields))
        {
            value = default;
            return false;
        }

        value = new ExtendedSwitch(XdrFields.UInt32(fields, 0), XdrFields.UInt32(fields, 4), XdrFields.UInt32(fields, 8), XdrFields.UInt32(fields, 12));
        return true;
    }
}
