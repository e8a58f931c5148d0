namespace NetworkMachinery.SFlow;

/// <summary>Facts about <see cref="CounterRecordFormat"/> values.</summary>
public static class CounterRecordFormats
{
    /// <summary>Every counter record format this decoder reads.</summary>
    public static IReadOnlyList<CounterRecordFormat> All { get; } = Enum.GetValues<CounterRecordFormat>();

    /// <summary>True when this decoder reads <paramref name="format"/>.</summary>
    public static bool IsKnown(CounterRecordFormat format) => format switch
    {
        CounterRecordFormat.GenericInterface or CounterRecordFormat.Ethernet or CounterRecordFormat.Vlan or CounterRecordFormat.Lacp => true,
        CounterRecordFormat.Processor or CounterRecordFormat.OpenFlowPort or CounterRecordFormat.PortName => true,
        >= CounterRecordFormat.HostDescription and <= CounterRecordFormat.Mib2Udp => true,
        CounterRecordFormat.AppResources or CounterRecordFormat.OvsDatapath => true,
        _ => false,
    };
}
