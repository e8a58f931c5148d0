namespace NetworkMachinery.SFlow;

/// <summary>Reads the fixed fields that open each standard sample type, and makes the sample.</summary>
/// <remarks>
/// Works on the sample's bytes directly rather than through an <see cref="XdrReader"/>: this runs for every sample of
/// every datagram, and one bounds check per sample type with fields at constant offsets is what keeps it cheap.
/// </remarks>
internal static class SampleHeaderReader
{
    private const int MinRecordSize = 8;

    /// <param name="body">The sample's data (after its tag and length).</param>
    /// <param name="bodyOffset">Offset of <paramref name="body"/> in the datagram.</param>
    /// <param name="dataFormat">The sample's <c>enterprise &lt;&lt; 12 | format</c> word.</param>
    /// <param name="offset">Offset of the sample's tag in the datagram.</param>
    /// <param name="sample">The sample, over the records that follow its fixed fields.</param>
    /// <param name="error">Why the sample is malformed.</param>
    public static bool TryRead(ReadOnlySpan<byte> body, int bodyOffset, uint dataFormat, int offset, out SFlowSample sample, out SFlowError error)
    {
        var type = dataFormat is >= 1 and <= 5 ? (SFlowSampleType)dataFormat : SFlowSampleType.Unknown;
        var fixedLength = type switch
        {
            SFlowSampleType.Flow => 28,
            SFlowSampleType.Counters => 8,
            SFlowSampleType.ExpandedFlow => 40,
            SFlowSampleType.ExpandedCounters => 12,
            SFlowSampleType.Discard => 28,
            _ => 0,
        };
        if (type == SFlowSampleType.Unknown)
        {
            error = default;
            sample = new SFlowSample(new SFlowSampleHeader(type, dataFormat, offset, body.Length, 0, default, 0, 0, 0, default, default, 0, 0), body, bodyOffset);
            return true;
        }

        // Fixed fields and the record count, which follows them in every standard sample.
        if (body.Length < fixedLength + 4)
        {
            sample = default;
            error = new SFlowError(SFlowErrorCode.Truncated, bodyOffset + (body.Length < fixedLength ? 0 : fixedLength));
            return false;
        }

        var recordCount = XdrFields.UInt32(body, fixedLength);
        var records = body[(fixedLength + 4)..];
        if ((ulong)recordCount * MinRecordSize > (ulong)records.Length)
        {
            sample = default;
            error = new SFlowError(SFlowErrorCode.CountOutOfRange, bodyOffset + fixedLength);
            return false;
        }

        uint samplingRate = 0, pool = 0, drops = 0, reason = 0;
        DataSource source;
        SFlowInterface input = default, output = default;
        switch (type)
        {
            case SFlowSampleType.Flow:
                source = DataSource.FromCompact(XdrFields.UInt32(body, 4));
                samplingRate = XdrFields.UInt32(body, 8);
                pool = XdrFields.UInt32(body, 12);
                drops = XdrFields.UInt32(body, 16);
                input = SFlowInterface.FromCompact(XdrFields.UInt32(body, 20));
                output = SFlowInterface.FromCompact(XdrFields.UInt32(body, 24));
                break;
            case SFlowSampleType.Counters:
                source = DataSource.FromCompact(XdrFields.UInt32(body, 4));
                break;
            case SFlowSampleType.ExpandedFlow:
                source = new DataSource(XdrFields.UInt32(body, 4), XdrFields.UInt32(body, 8));
                samplingRate = XdrFields.UInt32(body, 12);
                pool = XdrFields.UInt32(body, 16);
                drops = XdrFields.UInt32(body, 20);
                input = SFlowInterface.FromExpanded(XdrFields.UInt32(body, 24), XdrFields.UInt32(body, 28));
                output = SFlowInterface.FromExpanded(XdrFields.UInt32(body, 32), XdrFields.UInt32(body, 36));
                break;
            case SFlowSampleType.ExpandedCounters:
                source = new DataSource(XdrFields.UInt32(body, 4), XdrFields.UInt32(body, 8));
                break;
            default: // discard
                source = new DataSource(XdrFields.UInt32(body, 4), XdrFields.UInt32(body, 8));
                drops = XdrFields.UInt32(body, 12);
                input = new SFlowInterface(InterfaceFormat.IfIndex, XdrFields.UInt32(body, 16));
                output = new SFlowInterface(InterfaceFormat.IfIndex, XdrFields.UInt32(body, 20));
                reason = XdrFields.UInt32(body, 24);
                break;
        }

        // Every standard sample opens with its sequence number.
        var header = new SFlowSampleHeader(
            type, dataFormat, offset, body.Length, XdrFields.UInt32(body, 0), source, samplingRate, pool, drops, input, output, reason, recordCount);
        sample = new SFlowSample(header, records, bodyOffset + fixedLength + 4);
        error = default;
        return true;
    }
}
