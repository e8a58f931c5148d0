namespace NetworkMachinery.SFlow;

/// <summary>Counter record 2007 (<c>mib2_ip_group</c>): the host's MIB-II IP counters. Each field is the MIB-II object of the same name.</summary>
/// <param name="IpForwarding">ipForwarding.</param>
/// <param name="IpDefaultTTL">ipDefaultTTL.</param>
/// <param name="IpInReceives">ipInReceives.</param>
/// <param name="IpInHdrErrors">ipInHdrErrors.</param>
/// <param name="IpInAddrErrors">ipInAddrErrors.</param>
/// <param name="IpForwDatagrams">ipForwDatagrams.</param>
/// <param name="IpInUnknownProtos">ipInUnknownProtos.</param>
/// <param name="IpInDiscards">ipInDiscards.</param>
/// <param name="IpInDelivers">ipInDelivers.</param>
/// <param name="IpOutRequests">ipOutRequests.</param>
/// <param name="IpOutDiscards">ipOutDiscards.</param>
/// <param name="IpOutNoRoutes">ipOutNoRoutes.</param>
/// <param name="IpReasmTimeout">ipReasmTimeout.</param>
/// <param name="IpReasmReqds">ipReasmReqds.</param>
/// <param name="IpReasmOKs">ipReasmOKs.</param>
/// <param name="IpReasmFails">ipReasmFails.</param>
/// <param name="IpFragOKs">ipFragOKs.</param>
/// <param name="IpFragFails">ipFragFails.</param>
/// <param name="IpFragCreates">ipFragCreates.</param>
public readonly record struct Mib2IpGroup(
    uint IpForwarding,
    uint IpDefaultTTL,
    uint IpInReceives,
    uint IpInHdrErrors,
    uint IpInAddrErrors,
    uint IpForwDatagrams,
    uint IpInUnknownProtos,
    uint IpInDiscards,
    uint IpInDelivers,
    uint IpOutRequests,
    uint IpOutDiscards,
    uint IpOutNoRoutes,
    uint IpReasmTimeout,
    uint IpReasmReqds,
    uint IpReasmOKs,
    uint IpReasmFails,
    uint IpFragOKs,
    uint IpFragFails,
    uint IpFragCreates) : ISFlowRecord<Mib2IpGroup>
{
    /// <summary>Number of 32-bit counters in the record.</summary>
    public const int FieldCount = 19;

    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out Mib2IpGroup value)
    {
        if (!reader.TryReadFixed(FieldCount * 4, out var fields))
        {
            value = default;
            return false;
        }

        value = new Mib2IpGroup(
            XdrFields.UInt32(fields, 0), XdrFields.UInt32(fields, 4), XdrFields.UInt32(fields, 8), XdrFields.UInt32(fields, 12), XdrFields.UInt32(fields, 16),
            XdrFields.UInt32(fields, 20), XdrFields.UInt32(fields, 24), XdrFields.UInt32(fields, 28), XdrFields.UInt32(fields, 32), XdrFields.UInt32(fields, 36),
            XdrFields.UInt32(fields, 40), XdrFields.UInt32(fields, 44), XdrFields.UInt32(fields, 48), XdrFields.UInt32(fields, 52), XdrFields.UInt32(fields, 56),
            XdrFields.UInt32(fields, 60), XdrFields.UInt32(fields, 64), XdrFields.UInt32(fields, 68), XdrFields.UInt32(fields, 72));
        return true;
    }
}
