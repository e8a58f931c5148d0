namespace NetworkMachinery.SFlow;

/// <summary>Counter record 7 (<c>lag_port_stats</c>): IEEE 802.3ad LACP state and PDU counters of a bond member.</summary>
/// <param name="ActorSystemId">dot3adAggPortActorSystemID.</param>
/// <param name="PartnerSystemId">dot3adAggPortPartnerOperSystemID.</param>
/// <param name="AttachedAggregatorId">dot3adAggPortAttachedAggID.</param>
/// <param name="PortState">Actor admin, actor oper, partner admin and partner oper state, one byte each, in that order from the top.</param>
/// <param name="LacpdusRx">LACPDUs received.</param>
/// <param name="MarkerPdusRx">Marker PDUs received.</param>
/// <param name="MarkerResponsePdusRx">Marker response PDUs received.</param>
/// <param name="UnknownRx">Frames of unknown type received.</param>
/// <param name="IllegalRx">Illegal frames received.</param>
/// <param name="LacpdusTx">LACPDUs sent.</param>
/// <param name="MarkerPdusTx">Marker PDUs sent.</param>
/// <param name="MarkerResponsePdusTx">Marker response PDUs sent.</param>
public readonly record struct LacpCounters(
    MacAddress ActorSystemId,
    MacAddress PartnerSystemId,
    uint AttachedAggregatorId,
    uint PortState,
    uint LacpdusRx,
    uint MarkerPdusRx,
    uint MarkerResponsePdusRx,
    uint UnknownRx,
    uint IllegalRx,
    uint LacpdusTx,
    uint MarkerPdusTx,
    uint MarkerResponsePdusTx) : ISFlowRecord<LacpCounters>
{
    /// <summary>The actor's administrative state bits.</summary>
    public byte ActorAdminState => (byte)(PortState >> 24);

    /// <summary>The actor's operational state bits.</summary>
    public byte ActorOperState => (byte)(PortState >> 16);

    /// <summary>The partner's administrative state bits.</summary>
    public byte PartnerAdminState => (byte)(PortState >> 8);

    /// <summary>The partner's operational state bits.</summary>
    public byte PartnerOperState => (byte)PortState;

    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out LacpCounters value)
    {
        if (!reader.TryReadFixed(56, out var fields))
        {
            value = default;
            return false;
        }

        value = new LacpCounters(
            XdrFields.Mac(fields, 0), XdrFields.Mac(fields, 8), XdrFields.UInt32(fields, 16), XdrFields.UInt32(fields, 20),
            XdrFields.UInt32(fields, 24), XdrFields.UInt32(fields, 28), XdrFields.UInt32(fields, 32), XdrFields.UInt32(fields, 36),
            XdrFields.UInt32(fields, 40), XdrFields.UInt32(fields, 44), XdrFields.UInt32(fields, 48), XdrFields.UInt32(fields, 52));
        return true;
    }
}
