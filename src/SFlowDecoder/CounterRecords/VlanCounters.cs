namespace NetworkMachinery.SFlow;

/// <summary>Counter record 5 (<c>vlan_counters</c>).</summary>
/// <param name="VlanId">The VLAN.</param>
/// <param name="Octets">Octets.</param>
/// <param name="UnicastPackets">Unicast packets.</param>
/// <param name="MulticastPackets">Multicast packets.</param>
/// <param name="BroadcastPackets">Broadcast packets.</param>
/// <param name="Discards">Discarded packets.</param>
public readonly record struct VlanCounters(uint VlanId, ulong Octets, uint UnicastPackets, uint MulticastPackets, uint BroadcastPackets, uint Discards)
    : ISFlowRecord<VlanCounters>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out VlanCounters value)
    {
        if (!reader.TryReadFixed(28, out var fields))
        {
            value = default;
            return false;
        }

        value = new VlanCounters(XdrFields.UInt32(fields, 0), XdrFields.UInt64(fields, 4), XdrFields.UInt32(fields, 12), XdrFields.UInt32(fields, 16), XdrFields.UInt32(fields, 20), XdrFields.UInt32(fields, 24));
        return true;
    }
}
