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
        if (!reader.TryEnsure(52))
        {
            value = default;
            return false;
        }

        value = new HostDiskIo(
            reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt64(),
            reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt64(), reader.ReadUInt32());
        return true;
    }
}
