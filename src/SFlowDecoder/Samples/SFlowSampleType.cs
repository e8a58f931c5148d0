namespace NetworkMachinery.SFlow;

/// <summary>The kind of a sample (sFlow <c>sample_record</c> data format, enterprise 0).</summary>
public enum SFlowSampleType : byte
{
    /// <summary>A sample this decoder does not know (another enterprise or format); skipped by its length.</summary>
    Unknown = 0,

    /// <summary>Format 1: a packet flow sample with compact source and interface fields.</summary>
    Flow = 1,

    /// <summary>Format 2: a counter sample with a compact source id.</summary>
    Counters = 2,

    /// <summary>Format 3: a flow sample with expanded (full 32-bit) source and interface fields.</summary>
    ExpandedFlow = 3,

    /// <summary>Format 4: a counter sample with an expanded source id.</summary>
    ExpandedCounters = 4,

    /// <summary>Format 5: a discarded packet event.</summary>
    Discard = 5,
}
