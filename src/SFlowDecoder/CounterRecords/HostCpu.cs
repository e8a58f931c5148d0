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
        if (!reader.TryEnsure(OriginalLength))
        {
            value = default;
            return false;
        }

        var revised = reader.Remaining >= RevisedLength;
        value = new HostCpu(
            reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle(),
            reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(),
            reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(),
            reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(),
            revised ? reader.ReadUInt32() : 0, revised ? reader.ReadUInt32() : 0, revised ? reader.ReadUInt32() : 0);
        return true;
    }
}
