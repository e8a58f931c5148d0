namespace NetworkMachinery.SFlow;

/// <summary>Facts about <see cref="FlowRecordFormat"/> values.</summary>
public static class FlowRecordFormats
{
    /// <summary>Every flow record format this decoder reads.</summary>
    public static IReadOnlyList<FlowRecordFormat> All { get; } = Enum.GetValues<FlowRecordFormat>();

    /// <summary>True when this decoder reads <paramref name="format"/>.</summary>
    public static bool IsKnown(FlowRecordFormat format) => format switch
    {
        >= FlowRecordFormat.RawPacketHeader and <= FlowRecordFormat.IPv6 => true,
        >= FlowRecordFormat.ExtendedSwitch and <= FlowRecordFormat.ExtendedNat => true,
        >= FlowRecordFormat.ExtendedL2TunnelEgress and <= FlowRecordFormat.ExtendedVniIngress => true,
        _ => false,
    };
}
