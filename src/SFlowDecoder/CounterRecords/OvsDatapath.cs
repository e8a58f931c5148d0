namespace NetworkMachinery.SFlow;

/// <summary>Counter record 2207 (<c>ovs_dp_stats</c>): Open vSwitch datapath flow-cache statistics.</summary>
/// <param name="Hit">Packets that matched a datapath flow.</param>
/// <param name="Missed">Packets that missed and went to the slow path.</param>
/// <param name="Lost">Packets lost on the way to the slow path.</param>
/// <param name="MaskHit">Mask lookups made for matched packets.</param>
/// <param name="Flows">Datapath flows installed.</param>
/// <param name="Masks">Masks in the datapath.</param>
public readonly record struct OvsDatapath(uint Hit, uint Missed, uint Lost, uint MaskHit, uint Flows, uint Masks) : ISFlowRecord<OvsDatapath>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out OvsDatapath value)
    {
        if (!reader.TryReadFixed(24, out var fields))
        {
            value = default;
            return false;
        }

        value = new OvsDatapath(XdrFields.UInt32(fields, 0), XdrFields.UInt32(fields, 4), XdrFields.UInt32(fields, 8), XdrFields.UInt32(fields, 12), XdrFields.UInt32(fields, 16), XdrFields.UInt32(fields, 20));
        return true;
    }
}
