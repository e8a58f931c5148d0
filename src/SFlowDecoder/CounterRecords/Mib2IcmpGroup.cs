namespace NetworkMachinery.SFlow;

/// <summary>Counter record 2008 (<c>mib2_icmp_group</c>): the host's MIB-II ICMP counters. Each field is the MIB-II object of the same name.</summary>
/// <param name="IcmpInMsgs">icmpInMsgs.</param>
/// <param name="IcmpInErrors">icmpInErrors.</param>
/// <param name="IcmpInDestUnreachs">icmpInDestUnreachs.</param>
/// <param name="IcmpInTimeExcds">icmpInTimeExcds.</param>
/// <param name="IcmpInParamProbs">icmpInParamProbs.</param>
/// <param name="IcmpInSrcQuenchs">icmpInSrcQuenchs.</param>
/// <param name="IcmpInRedirects">icmpInRedirects.</param>
/// <param name="IcmpInEchos">icmpInEchos.</param>
/// <param name="IcmpInEchoReps">icmpInEchoReps.</param>
/// <param name="IcmpInTimestamps">icmpInTimestamps.</param>
/// <param name="IcmpInAddrMasks">icmpInAddrMasks.</param>
/// <param name="IcmpInAddrMaskReps">icmpInAddrMaskReps.</param>
/// <param name="IcmpOutMsgs">icmpOutMsgs.</param>
/// <param name="IcmpOutErrors">icmpOutErrors.</param>
/// <param name="IcmpOutDestUnreachs">icmpOutDestUnreachs.</param>
/// <param name="IcmpOutTimeExcds">icmpOutTimeExcds.</param>
/// <param name="IcmpOutParamProbs">icmpOutParamProbs.</param>
/// <param name="IcmpOutSrcQuenchs">icmpOutSrcQuenchs.</param>
/// <param name="IcmpOutRedirects">icmpOutRedirects.</param>
/// <param name="IcmpOutEchos">icmpOutEchos.</param>
/// <param name="IcmpOutEchoReps">icmpOutEchoReps.</param>
/// <param name="IcmpOutTimestamps">icmpOutTimestamps.</param>
/// <param name="IcmpOutTimestampReps">icmpOutTimestampReps.</param>
/// <param name="IcmpOutAddrMasks">icmpOutAddrMasks.</param>
/// <param name="IcmpOutAddrMaskReps">icmpOutAddrMaskReps.</param>
public readonly record struct Mib2IcmpGroup(
    uint IcmpInMsgs,
    uint IcmpInErrors,
    uint IcmpInDestUnreachs,
    uint IcmpInTimeExcds,
    uint IcmpInParamProbs,
    uint IcmpInSrcQuenchs,
    uint IcmpInRedirects,
    uint IcmpInEchos,
    uint IcmpInEchoReps,
    uint IcmpInTimestamps,
    uint IcmpInAddrMasks,
    uint IcmpInAddrMaskReps,
    uint IcmpOutMsgs,
    uint IcmpOutErrors,
    uint IcmpOutDestUnreachs,
    uint IcmpOutTimeExcds,
    uint IcmpOutParamProbs,
    uint IcmpOutSrcQuenchs,
    uint IcmpOutRedirects,
    uint IcmpOutEchos,
    uint IcmpOutEchoReps,
    uint IcmpOutTimestamps,
    uint IcmpOutTimestampReps,
    uint IcmpOutAddrMasks,
    uint IcmpOutAddrMaskReps) : ISFlowRecord<Mib2IcmpGroup>
{
    /// <summary>Number of 32-bit counters in the record.</summary>
    public const int FieldCount = 25;

    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out Mib2IcmpGroup value)
    {
        if (!reader.TryReadFixed(FieldCount * 4, out var fields))
        {
            value = default;
            return false;
        }

        value = new Mib2IcmpGroup(
            XdrFields.UInt32(fields, 0), XdrFields.UInt32(fields, 4), XdrFields.UInt32(fields, 8), XdrFields.UInt32(fields, 12), XdrFields.UInt32(fields, 16),
            XdrFields.UInt32(fields, 20), XdrFields.UInt32(fields, 24), XdrFields.UInt32(fields, 28), XdrFields.UInt32(fields, 32), XdrFields.UInt32(fields, 36),
            XdrFields.UInt32(fields, 40), XdrFields.UInt32(fields, 44), XdrFields.UInt32(fields, 48), XdrFields.UInt32(fields, 52), XdrFields.UInt32(fields, 56),
            XdrFields.UInt32(fields, 60), XdrFields.UInt32(fields, 64), XdrFields.UInt32(fields, 68), XdrFields.UInt32(fields, 72), XdrFields.UInt32(fields, 76),
            XdrFields.UInt32(fields, 80), XdrFields.UInt32(fields, 84), XdrFields.UInt32(fields, 88), XdrFields.UInt32(fields, 92), XdrFields.UInt32(fields, 96));
        return true;
    }
}
