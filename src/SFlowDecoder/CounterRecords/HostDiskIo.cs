namespace NetworkMachinery.SFlow;

/// <summary>Counter record 2005 (<c>host_disk_io</c>).</summary>
/// <param name="DiskTotal">Total disk size in bytes.</param>
/// <param name="DiskFree">Free disk space in bytes.</param>
/// <param name="PartitionMaxUsed">Fullest partition's utilisation, in hundredths of a percent.</param>
/// <param name="Reads">Reads issued.</param>
/// <param name="BytesRead">Bytes read.</param>
/// <param name="ReadTimeMs">Time spent reading, in milliseconds.</param>
/// <param name="Writes">Writes completed.</param>
/// <param name="BytesWritten">Bytes written.</param>
/// <param name="WriteTimeMs">Time spent writing, in milliseconds.</param>
public readonly record struct HostDiskIo(
    ulong DiskTotal,
    ulong DiskFree,
    uint PartitionMaxUsed,
    uint Reads,
    ulong BytesRead,
    uint ReadTimeMs,
    uint Writes,
    ulong BytesWritten,
    uint WriteTimeMs) : ISFlowRecord<HostDiskIo>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out HostDiskIo value)
    {
        if (!reader.TryReadFixed(52, out var fields))
        {
            value = default;
            return false;
        }

        value = new HostDiskIo(
            XdrFields.UInt64(fields, 0), XdrFields.UInt64(fields, 8), XdrFields.UInt32(fields, 16), XdrFields.UInt32(fields, 20), XdrFields.UInt64(fields, 24),
            XdrFields.UInt32(fields, 32), XdrFields.UInt32(fields, 36), XdrFields.UInt64(fields, 40), XdrFields.UInt32(fields, 48));
        return true;
    }
}
