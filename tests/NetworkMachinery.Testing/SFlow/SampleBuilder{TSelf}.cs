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

    /// <summary>The sample's <c>sequence_number</c>.</summary>
    protected uint Sequence { get; private set; }

    /// <summary>The data source type (0 ifIndex, 1 VLAN, 2 entPhysicalEntry, 3 entLogicalEntry).</summary>
    protected uint SourceType { get; private set; }

    /// <summary>The data source index.</summary>
    protected uint SourceIndex { get; private set; }

    /// <summary>The sample's <c>data_format</c> word.</summary>
    protected abstract uint DataFormat { get; }

    /// <summary>Sets the sample's sequence number.</summary>
    public TSelf SequenceNumber(uint value)
    {
        Sequence = value;
        return Self;
    }

    /// <summary>Sets the data source.</summary>
    public TSelf Source(uint type, uint index)
    {
        SourceType = type;
        SourceIndex = index;
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

    /// <summary>The compact <c>sflow_data_source</c> word: the type in the top 8 bits, the index in the low 24.</summary>
    protected uint CompactSource()
    {
        if (SourceType > 0xFF || SourceIndex > 0xFF_FFFF)
        {
            throw new InvalidOperationException($"Source {SourceType}:{SourceIndex} does not fit the compact form; use the expanded sample.");
        }

        return (SourceType << 24) | SourceIndex;
    }

    private TSelf Self => (TSelf)this;
}
