namespace NetworkMachinery.SFlow;

/// <summary>Whether a record belongs to a flow (or discard) sample or to a counter sample; the two number their formats separately.</summary>
public enum SFlowRecordKind : byte
{
    /// <summary>A flow record (<c>flow_data</c>).</summary>
    Flow = 1,

    /// <summary>A counter record (<c>counter_data</c>).</summary>
    Counter = 2,
}
