namespace NetworkMachinery.SFlow;

/// <summary>Counter record 1 (<c>if_counters</c>): the interface's RFC 2233 counters.</summary>
/// <param name="IfIndex">The interface's ifIndex.</param>
/// <param name="IfType">The IANA ifType (6 = Ethernet).</param>
/// <param name="IfSpeed">Speed in bits per second.</param>
/// <param name="IfDirection">0 unknown, 1 full-duplex, 2 half-duplex, 3 in, 4 out.</param>
/// <param name="IfStatus">Bit 0 ifAdminStatus, bit 1 ifOperStatus (1 = up).</param>
/// <param name="InOctets">Octets received.</param>
/// <param name="InUnicastPackets">Unicast packets received.</param>
/// <param name="InMulticastPackets">Multicast packets received.</param>
/// <param name="InBroadcastPackets">Broadcast packets received.</param>
/// <param name="InDiscards">Received packets discarded.</param>
/// <param name="InErrors">Received packets with errors.</param>
/// <param name="InUnknownProtocols">Received packets of unknown protocols.</param>
/// <param name="OutOctets">Octets sent.</param>
/// <param name="OutUnicastPackets">Unicast packets sent.</param>
/// <param name="OutMulticastPackets">Multicast packets sent.</param>
/// <param name="OutBroadcastPackets">Broadcast packets sent.</param>
/// <param name="OutDiscards">Outgoing packets discarded.</param>
/// <param name="OutErrors">Outgoing packets with errors.</param>
/// <param name="PromiscuousMode">1 when the interface is in promiscuous mode.</param>
public readonly record struct GenericInterfaceCounters(
    uint IfIndex,
    uint IfType,
    ulong IfSpeed,
    uint IfDirection,
    uint IfStatus,
    ulong InOctets,
    uint InUnicastPackets,
    uint InMulticastPackets,
    uint InBroadcastPackets,
    uint InDiscards,
    uint InErrors,
    uint InUnknownProtocols,
    ulong OutOctets,
    uint OutUnicastPackets,
    uint OutMulticastPackets,
    uint OutBroadcastPackets,
    uint OutDiscards,
    uint OutErrors,
    uint PromiscuousMode) : ISFlowRecord<GenericInterfaceCounters>
{
    /// <summary>True when the interface is administratively up.</summary>
    public bool AdminUp => (IfStatus & 1) != 0;

    /// <summary>True when the interface is operationally up.</summary>
    public bool OperUp => (IfStatus & 2) != 0;

    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out GenericInterfaceCounters value)
    {
        if (!reader.TryReadFixed(88, out var fields))
        {
            value = default;
            return false;
        }

        value = new GenericInterfaceCounters(
            XdrFields.UInt32(fields, 0), XdrFields.UInt32(fields, 4), XdrFields.UInt64(fields, 8), XdrFields.UInt32(fields, 16), XdrFields.UInt32(fields, 20),
            XdrFields.UInt64(fields, 24), XdrFields.UInt32(fields, 32), XdrFields.UInt32(fields, 36), XdrFields.UInt32(fields, 40), XdrFields.UInt32(fields, 44), XdrFields.UInt32(fields, 48), XdrFields.UInt32(fields, 52),
            XdrFields.UInt64(fields, 56), XdrFields.UInt32(fields, 64), XdrFields.UInt32(fields, 68), XdrFields.UInt32(fields, 72), XdrFields.UInt32(fields, 76), XdrFields.UInt32(fields, 80),
            XdrFields.UInt32(fields, 84));
        return true;
    }
}
