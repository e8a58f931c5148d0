namespace NetworkMachinery.SFlow;

/// <summary>Counter record 2203 (<c>app_resources</c>): resources used by an application (Open vSwitch reports ovs-vswitchd).</summary>
/// <param name="UserTimeMs">CPU time in user mode, in milliseconds.</param>
/// <param name="SystemTimeMs">CPU time in kernel mode, in milliseconds.</param>
/// <param name="MemoryUsed">Memory used, in bytes.</param>
/// <param name="MemoryMax">Memory limit, in bytes.</param>
/// <param name="FdOpen">Open file descriptors.</param>
/// <param name="FdMax">File descriptor limit.</param>
/// <param name="ConnectionsOpen">Open network connections.</param>
/// <param name="ConnectionsMax">Connection limit.</param>
public readonly record struct AppResources(
    uint UserTimeMs,
    uint SystemTimeMs,
    ulong MemoryUsed,
    ulong MemoryMax,
    uint FdOpen,
    uint FdMax,
    uint ConnectionsOpen,
    uint ConnectionsMax) : ISFlowRecord<AppResources>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out AppResources value)
    {
        if (!reader.TryReadFixed(40, out var fields))
        {
            value = default;
            return false;
        }

        value = new AppResources(
            XdrFields.UInt32(fields, 0), XdrFields.UInt32(fields, 4), XdrFields.UInt64(fields, 8), XdrFields.UInt64(fields, 16),
            XdrFields.UInt32(fields, 24), XdrFields.UInt32(fields, 28), XdrFields.UInt32(fields, 32), XdrFields.UInt32(fields, 36));
        return true;
    }
}
