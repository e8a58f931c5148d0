namespace NetworkMachinery.SFlow;

/// <summary>
/// One flow or counter record: its format and its data. Decode the data with <see cref="TryRead{T}"/> into the
/// type that matches <see cref="FlowFormat"/> or <see cref="CounterFormat"/>.
/// </summary>
public readonly ref struct SFlowRecord
{
    internal SFlowRecord(SFlowRecordKind kind, uint dataFormat, int offset, ReadOnlySpan<byte> data)
    {
        Kind = kind;
        DataFormat = dataFormat;
        Offset = offset;
        Data = data;
    }

    /// <summary>Whether this is a flow or a counter record.</summary>
    public SFlowRecordKind Kind { get; }

    /// <summary>The raw <c>enterprise &lt;&lt; 12 | format</c> word.</summary>
    public uint DataFormat { get; }

    /// <summary>The enterprise number (0 for the standard formats).</summary>
    public uint Enterprise => DataFormat >> 12;

    /// <summary>The format number within the enterprise.</summary>
    public uint Format => DataFormat & 0xFFF;

    /// <summary>The format as a flow record format; only meaningful when <see cref="Kind"/> is <see cref="SFlowRecordKind.Flow"/>.</summary>
    public FlowRecordFormat FlowFormat => (FlowRecordFormat)DataFormat;

    /// <summary>The format as a counter record format; only meaningful when <see cref="Kind"/> is <see cref="SFlowRecordKind.Counter"/>.</summary>
    public CounterRecordFormat CounterFormat => (CounterRecordFormat)DataFormat;

    /// <summary>Offset of the record's tag in the datagram.</summary>
    public int Offset { get; }

    /// <summary>The record's data, without padding.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>True when this decoder knows the record's format.</summary>
    public bool IsKnown => Kind == SFlowRecordKind.Flow
        ? FlowRecordFormats.IsKnown(FlowFormat)
        : CounterRecordFormats.IsKnown(CounterFormat);

    /// <summary>Decodes the record's data as <typeparamref name="T"/>.</summary>
    /// <param name="value">The decoded record.</param>
    /// <param name="error">Why decoding failed, with the datagram offset; <see cref="SFlowError.None"/> on success.</param>
    public bool TryRead<T>(out T value, out SFlowError error)
        where T : ISFlowRecord<T>, allows ref struct
    {
        // The data starts after the record's format and length words.
        var reader = new XdrReader(Data, Offset + 8, SFlowErrorCode.RecordTooShort);
        if (T.TryRead(ref reader, out value))
        {
            error = default;
            return true;
        }

        // A reader that returns false always records why; keep a generic reason for one that forgets.
        error = reader.HasError ? reader.Error : new SFlowError(SFlowErrorCode.RecordTooShort, reader.Offset);
        return false;
    }
}
