namespace NetworkMachinery.SFlow;

/// <summary>Counter record 1001 (<c>processor</c>): CPU utilisation and memory of a switch.</summary>
/// <param name="FiveSecondCpu">5-second average CPU utilisation in hundredths of a percent; -1 unknown.</param>
/// <param name="OneMinuteCpu">1-minute average, in hundredths of a percent; -1 unknown.</param>
/// <param name="FiveMinuteCpu">5-minute average, in hundredths of a percent; -1 unknown.</param>
/// <param name="TotalMemory">Total memory in bytes.</param>
/// <param name="FreeMemory">Free memory in bytes.</param>
public readonly record struct ProcessorCounters(int FiveSecondCpu, int OneMinuteCpu, int FiveMinuteCpu, ulong TotalMemory, ulong FreeMemory)
    : ISFlowRecord<ProcessorCounters>
{
    /// <inheritdoc />
    public static bool TryRead(scoped ref XdrReader reader, out ProcessorCounters value)
    {
        if (!reader.TryReadFixed(28, out var fields))
        {
            value = default;
            return false;
        }

        value = new ProcessorCounters(XdrFields.Int32(fields, 0), XdrFields.Int32(fields, 4), XdrFields.Int32(fields, 8), XdrFields.UInt64(fields, 12), XdrFields.UInt64(fields, 20));
        return true;
    }
}
