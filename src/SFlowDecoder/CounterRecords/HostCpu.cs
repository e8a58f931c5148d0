namespace NetworkMachinery.SFlow;

/// <summary>
/// Counter record 2003 (<c>host_cpu</c>). Times are in milliseconds. The last three fields came with a later revision:
/// agents that send the 68-byte original leave them zero.
/// </summary>
/// <param name="LoadOne">1-minute load average.</param>
/// <param name="LoadFive">5-minute load average.</param>
/// <param name="LoadFifteen">15-minute load average.</param>
/// <param name="ProcessesRunning">Running processes (threads).</param>
/// <param name="ProcessesTotal">All processes (threads).</param>
/// <param name="CpuCount">Number of CPUs.</param>
/// <param name="CpuSpeedMhz">CPU speed in MHz.</param>
/// <param name="UptimeSeconds">Seconds since boot.</param>
/// <param name="CpuUser">Time in user mode.</param>
/// <param name="CpuNice">Time in niced processes.</param>
/// <param name="CpuSystem">Time in kernel mode.</param>
/// <param name="CpuIdle">Idle time.</param>
/// <param name="CpuWaitIo">Time waiting for I/O.</param>
/// <param name="CpuInterrupt">Time servicing interrupts.</param>
/// <param name="CpuSoftInterrupt">Time servicing soft interrupts.</param>
/// <param name="Interrupts">Interrupt count.</param>
/// <param name="ContextSwitches">Context switch count.</param>
/// <param name="CpuSteal">Time stolen by other virtual machines.</param>
/// <param name="CpuGuest">Time running guest virtual CPUs.</param>
/// <param name="CpuGuestNice">Time running niced guest virtual CPUs.</param>
public readonly record struct HostCpu(
    float LoadOne,
    float LoadFive,
    float LoadFifteen,
    uint ProcessesRunning,
    uint ProcessesTotal,
    uint CpuCount,
    uint CpuSpeedMhz,
    uint UptimeSeconds,
    uint CpuUser,
    uint CpuNice,
    uint CpuSystem,
    uint CpuIdle,
    uint CpuWaitIo,
    uint CpuInterrupt,
    uint CpuSoftInterrupt,
    uint Interrupts,
    uint ContextSwitches,
    uint CpuSteal,
    uint CpuGuest,
    uint CpuGuestNice) : ISFlowRecord<HostCpu>
{
    private const int OriginalLength = 68;
    private const int RevisedLength = 80;

    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out HostCpu value)
    {
        if (!reader.TryReadFixed(OriginalLength, out var fields))
        {
            value = default;
            return false;
        }

        // The revision's three fields are there when the record is long enough to hold them.
        ReadOnlySpan<byte> added = default;
        var revised = reader.Remaining >= RevisedLength - OriginalLength && reader.TryReadFixed(RevisedLength - OriginalLength, out added);
        value = new HostCpu(
            XdrFields.Single(fields, 0), XdrFields.Single(fields, 4), XdrFields.Single(fields, 8),
            XdrFields.UInt32(fields, 12), XdrFields.UInt32(fields, 16), XdrFields.UInt32(fields, 20), XdrFields.UInt32(fields, 24), XdrFields.UInt32(fields, 28),
            XdrFields.UInt32(fields, 32), XdrFields.UInt32(fields, 36), XdrFields.UInt32(fields, 40), XdrFields.UInt32(fields, 44), XdrFields.UInt32(fields, 48),
            XdrFields.UInt32(fields, 52), XdrFields.UInt32(fields, 56), XdrFields.UInt32(fields, 60), XdrFields.UInt32(fields, 64),
            revised ? XdrFields.UInt32(added, 0) : 0, revised ? XdrFields.UInt32(added, 4) : 0, revised ? XdrFields.UInt32(added, 8) : 0);
        return true;
    }
}
