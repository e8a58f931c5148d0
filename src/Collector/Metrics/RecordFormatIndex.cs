using NetworkMachinery.SFlow;

namespace NetworkMachinery.Collector.Metrics;

/// <summary>
/// Maps record formats to small array indexes so per-format counters are plain array increments on the hot path.
/// Index 0 is "unknown" (any format the decoder does not read, including other enterprises).
/// </summary>
internal static class RecordFormatIndex
{
    private static readonly byte[] FlowIndexes = Build(FlowRecordFormats.All.Select(f => (uint)f).ToArray());
    private static readonly byte[] CounterIndexes = Build(CounterRecordFormats.All.Select(f => (uint)f).ToArray());

    /// <summary>Number of flow slots, unknown included.</summary>
    public static int FlowSlots { get; } = FlowRecordFormats.All.Count + 1;

    /// <summary>Number of counter slots, unknown included.</summary>
    public static int CounterSlots { get; } = CounterRecordFormats.All.Count + 1;

    /// <summary>The label of each flow slot: "unknown", then the format numbers.</summary>
    public static string[] FlowLabels { get; } = ["unknown", .. FlowRecordFormats.All.Select(f => ((uint)f).ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The label of each counter slot: "unknown", then the format numbers.</summary>
    public static string[] CounterLabels { get; } = ["unknown", .. CounterRecordFormats.All.Select(f => ((uint)f).ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public static int Flow(uint dataFormat) => dataFormat < (uint)FlowIndexes.Length ? FlowIndexes[dataFormat] : 0;

    public static int Counter(uint dataFormat) => dataFormat < (uint)CounterIndexes.Length ? CounterIndexes[dataFormat] : 0;

    private static byte[] Build(uint[] formats)
    {
        // Standard (enterprise 0) formats are below 4096; anything else lands on the unknown slot.
        var table = new byte[4096];
        for (var i = 0; i < formats.Length; i++)
        {
            table[formats[i]] = (byte)(i + 1);
        }

        return table;
    }
}
