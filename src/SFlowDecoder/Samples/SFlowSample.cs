namespace NetworkMachinery.SFlow;

/// <summary>A decoded sample header and a reader over the sample's records.</summary>
public readonly ref struct SFlowSample
{
    private readonly ReadOnlySpan<byte> _records;
    private readonly int _recordsOffset;

    internal SFlowSample(SFlowSampleHeader header, ReadOnlySpan<byte> records, int recordsOffset)
    {
        Header = header;
        _records = records;
        _recordsOffset = recordsOffset;
    }

    /// <summary>The sample's fixed fields.</summary>
    public SFlowSampleHeader Header { get; }

    /// <summary>
    /// A new reader over the sample's records; empty for samples of an unknown type. Each call starts from the first record.
    /// </summary>
    public SFlowRecordReader Records => new(
        new XdrReader(_records, _recordsOffset, SFlowErrorCode.RecordLengthOutOfRange),
        Header.HasCounterRecords ? SFlowRecordKind.Counter : SFlowRecordKind.Flow,
        Header.Type == SFlowSampleType.Unknown ? 0 : Header.RecordCount);
}
