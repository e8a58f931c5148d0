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
        if (!reader.TryEnsure(28))
        {
            value = default;
            return false;
        }

        value = new VlanCounters(reader.ReadUInt32(), reader.ReadUInt64(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32());
        return true;
    }
}
