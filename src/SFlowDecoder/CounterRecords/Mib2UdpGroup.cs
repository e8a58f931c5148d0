namespace NetworkMachinery.SFlow;

/// <summary>Counter record 2010 (<c>mib2_udp_group</c>): the host's MIB-II UDP counters. Each field is the MIB-II object of the same name.</summary>
/// <param name="UdpInDatagrams">udpInDatagrams.</param>
/// <param name="UdpNoPorts">udpNoPorts.</param>
/// <param name="UdpInErrors">udpInErrors.</param>
/// <param name="UdpOutDatagrams">udpOutDatagrams.</param>
/// <param name="UdpRcvbufErrors">udpRcvbufErrors.</param>
/// <param name="UdpSndbufErrors">udpSndbufErrors.</param>
/// <param name="UdpInCsumErrors">udpInCsumErrors.</param>
public readonly record struct Mib2UdpGroup(
    uint UdpInDatagrams,
    uint UdpNoPorts,
    uint UdpInErrors,
    uint UdpOutDatagrams,
    uint UdpRcvbufErrors,
    uint UdpSndbufErrors,
    uint UdpInCsumErrors) : ISFlowRecord<Mib2UdpGroup>
{
    /// <summary>Number of 32-bit counters in the record.</summary>
    public const int FieldCount = 7;

    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out Mib2UdpGroup value)
    {
        if (!reader.TryReadFixed(FieldCount * 4, out var fields))
        {
            value = default;
            return false;
        }

        value = new Mib2UdpGroup(
            XdrFields.UInt32(fields, 0), XdrFields.UInt32(fields, 4), XdrFields.UInt32(fields, 8), XdrFields.UInt32(fields, 12), XdrFields.UInt32(fields, 16),
            XdrFields.UInt32(fields, 20), XdrFields.UInt32(fields, 24));
        return true;
    }
}
