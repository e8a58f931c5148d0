namespace NetworkMachinery.Testing.SFlow;

/// <summary>
/// What every standard sample shares: a sequence number, a data source and a list of records, plus the hooks for
/// lying about the record count or the sample length. Derived builders write the type's fixed fields.
/// </summary>
/// <typeparam name="TSelf">The derived builder, so chained calls keep its type.</typeparam>
public abstract class SampleBuilder<TSelf>
    where TSelf : SampleBuilder<TSelf>
{
    private readonly List<SFlowStructure> _records = [];
    private uint? _declaredRecordCount;
    private uint? _declaredLength;
    private uint _sequence;
    private uint _sourceType;
    private uint _sourceIndex;

    /// <summary>The sample's <c>data_format</c> word.</summary>
    protected abstract uint DataFormat { get; }

    /// <summary>Sets the sample's sequence number.</summary>
    public TSelf SequenceNumber(uint value)
    {
        _sequence = value;
        return Self;
    }

    /// <summary>Sets the data source.</summary>
    public TSelf Source(uint type, uint index)
    {
        _sourceType = type;
        _sourceIndex = index;
        return Self;
    }

    /// <summary>Appends a record (see <see cref="FlowRecordEncoder"/> and <see cref="CounterRecordEncoder"/>, or a hand-made <see cref="SFlowStructure"/>).</summary>
    public TSelf Record(SFlowStructure record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _records.Add(record);
        return Self;
    }

    /// <summary>Writes <paramref name="count"/> as the record count instead of the number of records appended.</summary>
    public TSelf DeclaredRecordCount(uint count)
    {
        _declaredRecordCount = count;
        return Self;
    }

    /// <summary>Writes <paramref name="length"/> as the sample length instead of its real length.</summary>
    public TSelf DeclaredLength(uint length)
    {
        _declaredLength = length;
        return Self;
    }

    /// <summary>Encodes the sample.</summary>
    public SFlowStructure Build()
    {
        var writer = new XdrWriter();
        WriteFixedFields(writer);
        writer.WriteUInt32(_declaredRecordCount ?? (uint)_records.Count);
        foreach (var record in _records)
        {
            writer.WriteStructure(record);
        }

        return new SFlowStructure(DataFormat, writer.ToArray(), _declaredLength);
    }

    /// <summary>Writes the fields between the sample's length and its record count.</summary>
    protected abstract void WriteFixedFields(XdrWriter writer);

    /// <summary>
    /// Writes the sequence number and the data source: one compact word (type in the top 8 bits, index in the
    /// low 24) or, expanded, two words.
    /// </summary>
    protected void WriteSequenceAndSource(XdrWriter writer, bool expanded)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt32(_sequence);
        if (expanded)
        {
            writer.WriteUInt32(_sourceType).WriteUInt32(_sourceIndex);
            return;
        }

        if (_sourceType > 0xFF || _sourceIndex > 0xFF_FFFF)
        {
            throw new InvalidOperationException($"Source {_sourceType}:{_sourceIndex} does not fit the compact form; use the expanded sample.");
        }

        writer.WriteUInt32((_sourceType << 24) | _sourceIndex);
    }

    private TSelf Self => (TSelf)this;
}
