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
        if (!reader.TryEnsure(40))
        {
            value = default;
            return false;
        }

        value = new AppResources(
            reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt64(), reader.ReadUInt64(),
            reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32());
        return true;
    }
}
