namespace NetworkMachinery.SFlow;

/// <summary>Reads the fixed fields that open each standard sample type.</summary>
internal static class SampleHeaderReader
{
    private const int MinRecordSize = 8;

    public static bool TryRead(ref XdrReader body, uint dataFormat, int offset, int length, out SFlowSampleHeader header)
    {
        header = default;
        var type = dataFormat is >= 1 and <= 5 ? (SFlowSampleType)dataFormat : SFlowSampleType.Unknown;
        uint sequence, samplingRate = 0, pool = 0, drops = 0, reason = 0;
        DataSource source;
        SFlowInterface input = default, output = default;
        switch (type)
        {
            case SFlowSampleType.Flow:
                if (!body.TryEnsure(28))
                {
                    return false;
                }

                sequence = body.ReadUInt32();
                source = DataSource.FromCompact(body.ReadUInt32());
                samplingRate = body.ReadUInt32();
                pool = body.ReadUInt32();
                drops = body.ReadUInt32();
                input = SFlowInterface.FromCompact(body.ReadUInt32());
                output = SFlowInterface.FromCompact(body.ReadUInt32());
                break;
            case SFlowSampleType.Counters:
                if (!body.TryEnsure(8))
                {
                    return false;
                }

                sequence = body.ReadUInt32();
                source = DataSource.FromCompact(body.ReadUInt32());
                break;
            case SFlowSampleType.ExpandedFlow:
                if (!body.TryEnsure(40))
                {
                    return false;
                }

                sequence = body.ReadUInt32();
                source = new DataSource(body.ReadUInt32(), body.ReadUInt32());
                samplingRate = body.ReadUInt32();
                pool = body.ReadUInt32();
                drops = body.ReadUInt32();
                input = SFlowInterface.FromExpanded(body.ReadUInt32(), body.ReadUInt32());
                output = SFlowInterface.FromExpanded(body.ReadUInt32(), body.ReadUInt32());
                break;
            case SFlowSampleType.ExpandedCounters:
                if (!body.TryEnsure(12))
                {
                    return false;
                }

                sequence = body.ReadUInt32();
                source = new DataSource(body.ReadUInt32(), body.ReadUInt32());
                break;
            case SFlowSampleType.Discard:
                if (!body.TryEnsure(28))
                {
                    return false;
                }

                sequence = body.ReadUInt32();
                source = new DataSource(body.ReadUInt32(), body.ReadUInt32());
                drops = body.ReadUInt32();
                input = new SFlowInterface(InterfaceFormat.IfIndex, body.ReadUInt32());
                output = new SFlowInterface(InterfaceFormat.IfIndex, body.ReadUInt32());
                reason = body.ReadUInt32();
                break;
            default:
                header = new SFlowSampleHeader(type, dataFormat, offset, length, 0, default, 0, 0, 0, default, default, 0, 0);
                return true;
        }

        if (!body.TryReadCount(MinRecordSize, out var recordCount))
        {
            return false;
        }

        header = new SFlowSampleHeader(type, dataFormat, offset, length, sequence, source, samplingRate, pool, drops, input, output, reason, recordCount);
        return true;
    }
}
