namespace NetworkMachinery.Testing.SFlow;

/// <summary>
/// One tagged sFlow structure, a sample or a record: its <c>data_format</c> word and its data. Build it with the
/// sample builders or the record encoders, or by hand for formats the decoder does not know and for malformed cases.
/// </summary>
/// <param name="DataFormat">The <c>enterprise &lt;&lt; 12 | format</c> word.</param>
/// <param name="Data">The structure's data, unpadded; the writer pads it to four bytes.</param>
/// <param name="DeclaredLength">The length to write instead of the data's real length, to craft a lie; null writes the truth.</param>
public sealed record SFlowStructure(uint DataFormat, ReadOnlyMemory<byte> Data, uint? DeclaredLength = null)
{
    /// <summary>The enterprise number.</summary>
    public uint Enterprise => DataFormat >> 12;

    /// <summary>The format number within the enterprise.</summary>
    public uint Format => DataFormat & 0xFFF;

    /// <summary>Creates a structure from an enterprise number, a format number and its data.</summary>
    public static SFlowStructure Create(uint enterprise, uint format, ReadOnlySpan<byte> data)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(enterprise, 0xF_FFFFu);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(format, 0xFFFu);
        return new SFlowStructure((enterprise << 12) | format, data.ToArray());
    }

    /// <summary>Creates a structure whose data <paramref name="write"/> produces.</summary>
    public static SFlowStructure Create(uint dataFormat, Action<XdrWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var writer = new XdrWriter();
        write(writer);
        return new SFlowStructure(dataFormat, writer.ToArray());
    }

    /// <summary>The same structure with a declared length that differs from its data's, for negative tests.</summary>
    public SFlowStructure WithDeclaredLength(uint length) => this with { DeclaredLength = length };
}
