namespace NetworkMachinery.SFlow;

/// <summary>Counter record 2 (<c>ethernet_counters</c>): the RFC 2358 dot3Stats error counters.</summary>
/// <param name="AlignmentErrors">dot3StatsAlignmentErrors.</param>
/// <param name="FcsErrors">dot3StatsFCSErrors.</param>
/// <param name="SingleCollisionFrames">dot3StatsSingleCollisionFrames.</param>
/// <param name="MultipleCollisionFrames">dot3StatsMultipleCollisionFrames.</param>
/// <param name="SqeTestErrors">dot3StatsSQETestErrors.</param>
/// <param name="DeferredTransmissions">dot3StatsDeferredTransmissions.</param>
/// <param name="LateCollisions">dot3StatsLateCollisions.</param>
/// <param name="ExcessiveCollisions">dot3StatsExcessiveCollisions.</param>
/// <param name="InternalMacTransmitErrors">dot3StatsInternalMacTransmitErrors.</param>
/// <param name="CarrierSenseErrors">dot3StatsCarrierSenseErrors.</param>
/// <param name="FrameTooLongs">dot3StatsFrameTooLongs.</param>
/// <param name="InternalMacReceiveErrors">dot3StatsInternalMacReceiveErrors.</param>
/// <param name="SymbolErrors">dot3StatsSymbolErrors.</param>
public readonly record struct EthernetCounters(
    uint AlignmentErrors,
    uint FcsErrors,
    uint SingleCollisionFrames,
    uint MultipleCollisionFrames,
    uint SqeTestErrors,
    uint DeferredTransmissions,
    uint LateCollisions,
    uint ExcessiveCollisions,
    uint InternalMacTransmitErrors,
    uint CarrierSenseErrors,
    uint FrameTooLongs,
    uint InternalMacReceiveErrors,
    uint SymbolErrors) : ISFlowRecord<EthernetCounters>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out EthernetCounters value)
    {
        if (!reader.TryReadFixed(52, out var fields))
        {
            value = default;
            return false;
        }

        value = new EthernetCounters(
            XdrFields.UInt32(fields, 0), XdrFields.UInt32(fields, 4), XdrFields.UInt32(fields, 8), XdrFields.UInt32(fields, 12), XdrFields.UInt32(fields, 16),
            XdrFields.UInt32(fields, 20), XdrFields.UInt32(fields, 24), XdrFields.UInt32(fields, 28), XdrFields.UInt32(fields, 32), XdrFields.UInt32(fields, 36),
            XdrFields.UInt32(fields, 40), XdrFields.UInt32(fields, 44), XdrFields.UInt32(fields, 48));
        return true;
    }
}
