namespace NetworkMachinery.SFlow;

/// <summary>Counter record 2004 (<c>host_memory</c>). Sizes in bytes.</summary>
/// <param name="Total">Total memory.</param>
/// <param name="Free">Free memory.</param>
/// <param name="Shared">Shared memory.</param>
/// <param name="Buffers">Memory used for buffers.</param>
/// <param name="Cached">Memory used for the page cache.</param>
/// <param name="SwapTotal">Total swap.</param>
/// <param name="SwapFree">Free swap.</param>
/// <param name="PageIn">Pages paged in.</param>
/// <param name="PageOut">Pages paged out.</param>
/// <param name="SwapIn">Pages swapped in.</param>
/// <param name="SwapOut">Pages swapped out.</param>
public readonly record struct HostMemory(
    ulong Total,
    ulong Free,
    ulong Shared,
    ulong Buffers,
    ulong Cached,
    ulong SwapTotal,
    ulong SwapFree,
    uint PageIn,
    uint PageOut,
    uint SwapIn,
    uint SwapOut) : ISFlowRecord<HostMemory>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out HostMemory value)
    {
        if (!reader.TryEnsure(72))
        {
            value = default;
            return false;
        }

        value = new HostMemory(
            reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(),
            reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32());
        return true;
    }
}
