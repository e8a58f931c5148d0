namespace NetworkMachinery.SFlow;

/// <summary>Counter record 2006 (<c>host_net_io</c>): the host's network traffic over all interfaces.</summary>
/// <param name="BytesIn">Bytes received.</param>
/// <param name="PacketsIn">Packets received.</param>
/// <param name="ErrorsIn">Receive errors.</param>
/// <param name="DropsIn">Receive drops.</param>
/// <param name="BytesOut">Bytes sent.</param>
/// <param name="PacketsOut">Packets sent.</param>
/// <param name="ErrorsOut">Send errors.</param>
/// <param name="DropsOut">Send drops.</param>
public readonly record struct HostNetIo(
    ulong BytesIn,
    uint PacketsIn,
    uint ErrorsIn,
    uint DropsIn,
    ulong BytesOut,
    uint PacketsOut,
    uint ErrorsOut,
    uint DropsOut) : ISFlowRecord<HostNetIo>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out HostNetIo value)
    {
        if (!reader.TryReadFixed(40, out var fields))
        {
            value = default;
            return false;
        }

        value = new HostNetIo(
            XdrFields.UInt64(fields, 0), XdrFields.UInt32(fields, 8), XdrFields.UInt32(fields, 12), XdrFields.UInt32(fields, 16),
            XdrFields.UInt64(fields, 20), XdrFields.UInt32(fields, 28), XdrFields.UInt32(fields, 32), XdrFields.UInt32(fields, 36));
        return true;
    }
}
