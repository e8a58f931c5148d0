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
        if (!reader.TryEnsure(40))
        {
            value = default;
            return false;
        }

        value = new HostNetIo(
            reader.ReadUInt64(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(),
            reader.ReadUInt64(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32());
        return true;
    }
}
