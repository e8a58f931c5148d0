namespace NetworkMachinery.SFlow;

/// <summary>Reads the fixed fields that open each standard sample type.</summary>
internal static class SampleHeaderReader
{
    private const int MinRecordSize = 8;

    public static bool TryRead(ref XdrReader body, uint dataFormat, int offset, int length, out SFlowSampleHeader header)
    {
        header = default;
        var type = dataFormat is >= 1 and <= 5 ? (SFlowSampleType)dataFormat : SFlowSampleType.Unknown;
        uint samplingRate = 0, pool = 0, drops = 0, reason = 0;
        DataSource source;
        SFlowInterface input = default, output = default;
        ReadOnlySpan<byte> fields;
        switch (type)
        {
            case SFlowSampleType.Flow:
                if (!body.TryReadFixed(28, out fields))
                {
                    return false;
                }

                source = DataSource.FromCompact(XdrFields.UInt32(fields, 4));
                samplingRate = XdrFields.UInt32(fields, 8);
                pool = XdrFields.UInt32(fields, 12);
                drops = XdrFields.UInt32(fields, 16);
                input = SFlowInterface.FromCompact(XdrFields.UInt32(fields, 20));
                output = SFlowInterface.FromCompact(XdrFields.UInt32(fields, 24));
                break;
            case SFlowSampleType.Counters:
                if (!body.TryReadFixed(8, out fields))
                {
                    return false;
                }

                source = DataSource.FromCompact(XdrFields.UInt32(fields, 4));
                break;
            case SFlowSampleType.ExpandedFlow:
                if (!body.TryReadFixed(40, out fields))
                {
                    return false;
                }

                source = new DataSource(XdrFields.UInt32(fields, 4), XdrFields.UInt32(fields, 8));
                samplingRate = XdrFields.UInt32(fields, 12);
                pool = XdrFields.UInt32(fields, 16);
                drops = XdrFields.UInt32(fields, 20);
                input = SFlowInterface.FromExpanded(XdrFields.UInt32(fields, 24), XdrFields.UInt32(fields, 28));
                output = SFlowInterface.FromExpanded(XdrFields.UInt32(fields, 32), XdrFields.UInt32(fields, 36));
                break;
            case SFlowSampleType.ExpandedCounters:
                if (!body.TryReadFixed(12, out fields))
                {
                    return false;
                }

                source = new DataSource(XdrFields.UInt32(fields, 4), XdrFields.UInt32(fields, 8));
                break;
            case SFlowSampleType.Discard:
                if (!body.TryReadFixed(28, out fields))
                {
                    return false;
                }

                source = new DataSource(XdrFields.UInt32(fields, 4), XdrFields.UInt32(fields, 8));
                drops = XdrFields.UInt32(fields, 12);
                input = new SFlowInterface(InterfaceFormat.IfIndex, XdrFields.UInt32(fields, 16));
                output = new SFlowInterface(InterfaceFormat.IfIndex, XdrFields.UInt32(fields, 20));
                reason = XdrFields.UInt32(fields, 24);
                break;
            default:
                header = new SFlowSampleHeader(type, dataFormat, offset, length, 0, default, 0, 0, 0, default, default, 0, 0);
                return true;
        }

        // Every standard sample opens with its sequence number.
        var sequence = XdrFields.UInt32(fields, 0);
        if (!body.TryReadCount(MinRecordSize, out var recordCount))
        {
            return false;
        }

        header = new SFlowSampleHeader(type, dataFormat, offset, length, sequence, source, samplingRate, pool, drops, input, output, reason, recordCount);
        return true;
    }
}
