namespace NetworkMachinery.SFlow;

/// <summary>An input or output interface of a flow sample: a format and a value whose meaning the format gives.</summary>
/// <param name="Format">How to read <paramref name="Value"/>.</param>
/// <param name="Value">The ifIndex, discard reason or interface count.</param>
public readonly record struct SFlowInterface(InterfaceFormat Format, uint Value)
{
    /// <summary>Splits a compact interface word: the format in the top 2 bits, the value in the low 30.</summary>
    public static SFlowInterface FromCompact(uint word) => new((InterfaceFormat)(word >> 30), word & 0x3FFF_FFFF);

    /// <summary>Builds an interface from the expanded form's separate format and value words.</summary>
    public static SFlowInterface FromExpanded(uint format, uint value) => new(format > 3 ? InterfaceFormat.Reserved : (InterfaceFormat)format, value);

    /// <summary>The ifIndex when the format is <see cref="InterfaceFormat.IfIndex"/>, else null.</summary>
    public uint? IfIndex => Format == InterfaceFormat.IfIndex ? Value : null;
}
