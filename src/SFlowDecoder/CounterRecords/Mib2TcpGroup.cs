namespace NetworkMachinery.SFlow;

/// <summary>Counter record 2009 (<c>mib2_tcp_group</c>): the host's MIB-II TCP counters. Each field is the MIB-II object of the same name.</summary>
/// <param name="TcpRtoAlgorithm">tcpRtoAlgorithm.</param>
/// <param name="TcpRtoMin">tcpRtoMin.</param>
/// <param name="TcpRtoMax">tcpRtoMax.</param>
/// <param name="TcpMaxConn">tcpMaxConn.</param>
/// <param name="TcpActiveOpens">tcpActiveOpens.</param>
/// <param name="TcpPassiveOpens">tcpPassiveOpens.</param>
/// <param name="TcpAttemptFails">tcpAttemptFails.</param>
/// <param name="TcpEstabResets">tcpEstabResets.</param>
/// <param name="TcpCurrEstab">tcpCurrEstab.</param>
/// <param name="TcpInSegs">tcpInSegs.</param>
/// <param name="TcpOutSegs">tcpOutSegs.</param>
/// <param name="TcpRetransSegs">tcpRetransSegs.</param>
/// <param name="TcpInErrs">tcpInErrs.</param>
/// <param name="TcpOutRsts">tcpOutRsts.</param>
/// <param name="TcpInCsumErrors">tcpInCsumErrors.</param>
public readonly record struct Mib2TcpGroup(
    uint TcpRtoAlgorithm,
    uint TcpRtoMin,
    uint TcpRtoMax,
    uint TcpMaxConn,
    uint TcpActiveOpens,
    uint TcpPassiveOpens,
    uint TcpAttemptFails,
    uint TcpEstabResets,
    uint TcpCurrEstab,
    uint TcpInSegs,
    uint TcpOutSegs,
    uint TcpRetransSegs,
    uint TcpInErrs,
    uint TcpOutRsts,
    uint TcpInCsumErrors) : ISFlowRecord<Mib2TcpGroup>
{
    /// <summary>Number of 32-bit counters in the record.</summary>
    public const int FieldCount = 15;

    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out Mib2TcpGroup value)
    {
        if (!reader.TryReadFixed(FieldCount * 4, out var fields))
        {
            value = default;
            return false;
        }

        value = new Mib2TcpGroup(
            XdrFields.UInt32(fields, 0), XdrFields.UInt32(fields, 4), XdrFields.UInt32(fields, 8), XdrFields.UInt32(fields, 12), XdrFields.UInt32(fields, 16),
            XdrFields.UInt32(fields, 20), XdrFields.UInt32(fields, 24), XdrFields.UInt32(fields, 28), XdrFields.UInt32(fields, 32), XdrFields.UInt32(fields, 36),
            XdrFields.UInt32(fields, 40), XdrFields.UInt32(fields, 44), XdrFields.UInt32(fields, 48), XdrFields.UInt32(fields, 52), XdrFields.UInt32(fields, 56));
        return true;
    }
}
