namespace NetworkMachinery.SFlow;

/// <summary>
/// The fixed fields of a sample. Fields that a sample type lacks are zero: counter samples have no sampling rate,
/// and only discard samples have a <see cref="DiscardReason"/>.
/// </summary>
public readonly struct SFlowSampleHeader
{
    /// <summary>Creates a header.</summary>
    public SFlowSampleHeader(
        SFlowSampleType type,
        uint dataFormat,
        int offset,
        int length,
        uint sequenceNumber,
        DataSource source,
        uint samplingRate,
        uint samplePool,
        uint drops,
        SFlowInterface input,
        SFlowInterface output,
        uint discardReason,
        uint recordCount)
    {
        Type = type;
        DataFormat = dataFormat;
        Offset = offset;
        Length = length;
        SequenceNumber = sequenceNumber;
        Source = source;
        SamplingRate = samplingRate;
        SamplePool = samplePool;
        Drops = drops;
        Input = input;
        Output = output;
        DiscardReason = discardReason;
        RecordCount = recordCount;
    }

    /// <summary>The sample type.</summary>
    public SFlowSampleType Type { get; }

    /// <summary>The raw <c>enterprise &lt;&lt; 12 | format</c> word.</summary>
    public uint DataFormat { get; }

    /// <summary>The enterprise number (0 for the standard sample types).</summary>
    public uint Enterprise => DataFormat >> 12;

    /// <summary>The format number within the enterprise.</summary>
    public uint Format => DataFormat & 0xFFF;

    /// <summary>Offset of the sample's tag in the datagram.</summary>
    public int Offset { get; }

    /// <summary>The sample's declared data length in bytes.</summary>
    public int Length { get; }

    /// <summary>Incremented by the data source for each sample of this kind; a gap means samples lost.</summary>
    public uint SequenceNumber { get; }

    /// <summary>The data source that produced the sample.</summary>
    public DataSource Source { get; }

    /// <summary>Flow samples: one packet in this many was sampled.</summary>
    public uint SamplingRate { get; }

    /// <summary>Flow samples: packets that could have been sampled (skipped plus sampled).</summary>
    public uint SamplePool { get; }

    /// <summary>Flow and discard samples: packets the agent dropped for lack of resources.</summary>
    public uint Drops { get; }

    /// <summary>Flow and discard samples: the input interface.</summary>
    public SFlowInterface Input { get; }

    /// <summary>Flow and discard samples: the output interface.</summary>
    public SFlowInterface Output { get; }

    /// <summary>Discard samples: the drop reason code.</summary>
    public uint DiscardReason { get; }

    /// <summary>Number of records the sample declares.</summary>
    public uint RecordCount { get; }

    /// <summary>True for flow, expanded flow and discard samples, whose records are flow records.</summary>
    public bool HasFlowRecords => Type is SFlowSampleType.Flow or SFlowSampleType.ExpandedFlow or SFlowSampleType.Discard;

    /// <summary>True for counter and expanded counter samples.</summary>
    public bool HasCounterRecords => Type is SFlowSampleType.Counters or SFlowSampleType.ExpandedCounters;
}
