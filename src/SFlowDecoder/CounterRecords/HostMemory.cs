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
        if (!reader.TryReadFixed(72, out var fields))
        {
            value = default;
            return false;
        }

        value = new HostMemory(
            XdrFields.UInt64(fields, 0), XdrFields.UInt64(fields, 8), XdrFields.UInt64(fields, 16), XdrFields.UInt64(fields, 24), XdrFields.UInt64(fields, 32), XdrFields.UInt64(fields, 40), XdrFields.UInt64(fields, 48),
            XdrFields.UInt32(fields, 56), XdrFields.UInt32(fields, 60), XdrFields.UInt32(fields, 64), XdrFields.UInt32(fields, 68));
        return true;
    }
}
