namespace NetworkMachinery.SFlow;

/// <summary>Counter record 1004 (<c>of_port</c>): the OpenFlow datapath and port number of the interface.</summary>
/// <param name="DatapathId">The OpenFlow datapath id of the bridge.</param>
/// <param name="PortNumber">The OpenFlow port number.</param>
public readonly record struct OpenFlowPort(ulong DatapathId, uint PortNumber) : ISFlowRecord<OpenFlowPort>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out OpenFlowPort value)
    {
        if (!reader.TryReadFixed(12, out var fields))
        {
            value = default;
            return false;
        }

        value = new OpenFlowPort(XdrFields.UInt64(fields, 0), XdrFields.UInt32(fields, 8));
        return true;
    }
}
