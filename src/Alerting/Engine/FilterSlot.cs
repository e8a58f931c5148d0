using NetworkMachinery.Operator.Filters;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>One distinct filter of the rule set and the flow rules that use it: evaluated at most once per record.</summary>
internal sealed class FilterSlot(FlowFilter? filter, FlowRule[] rules)
{
    /// <summary>The filter; null for the rules that count every record.</summary>
    public FlowFilter? Filter { get; } = filter;

    /// <summary>True when the index term that leads a record here is the whole filter, so it needs no evaluation.</summary>
    public bool Whole { get; init; }

    /// <summary>The rules whose flows use the filter.</summary>
    public FlowRule[] Rules { get; } = rules;

    /// <summary>The number of the record last seen here: a record the index leads here twice is counted once.</summary>
    public long Stamp { get; set; } = -1;
}
