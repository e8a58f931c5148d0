using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Filters;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// A threshold on a flow: what the index needs to reach it (the filter, the key layout, the amount summed). The values
/// are kept by <see cref="FlowRule{TKey}"/>, whose key size fits the flow's keys.
/// </summary>
internal abstract class FlowRule : Rule
{
    protected FlowRule(MonitorState monitor, MonitorThreshold threshold, MonitorFlow flow, FlowFilter? filter, FlowKeyLayout layout, long nowTicks)
        : base(monitor, threshold, flow.Value, flow.Name, nowTicks)
    {
        Filter = filter;
        Layout = layout;
        Amount = flow.Value switch
        {
            FlowValue.Packets => FlowAmount.Packets,
            FlowValue.Frames => FlowAmount.Frames,
            _ => FlowAmount.Bytes,
        };
        Signature = base.Signature + "|" + string.Join(',', flow.Keys) + "|" + (filter?.Canonical ?? "");
    }

    /// <summary>The flow's filter; null when every record counts.</summary>
    public FlowFilter? Filter { get; }

    /// <summary>The layout of the flow's keys, shared with the rules of flows with the same keys.</summary>
    public FlowKeyLayout Layout { get; }

    /// <summary>Which amount of a record the flow sums.</summary>
    public FlowAmount Amount { get; }

    /// <inheritdoc/>
    public override string Signature { get; }

    /// <summary>Compiles a rule whose key type fits <paramref name="layout"/>.</summary>
    public static FlowRule Create(MonitorState monitor, MonitorThreshold threshold, MonitorFlow flow, FlowFilter? filter, FlowKeyLayout layout, long nowTicks) => layout.Words switch
    {
        <= 2 => new FlowRule<KeyWords.Two>(monitor, threshold, flow, filter, layout, nowTicks),
        <= 4 => new FlowRule<KeyWords.Four>(monitor, threshold, flow, filter, layout, nowTicks),
        <= 6 => new FlowRule<KeyWords.Six>(monitor, threshold, flow, filter, layout, nowTicks),
        _ => new FlowRule<KeyWords.Ten>(monitor, threshold, flow, filter, layout, nowTicks),
    };

    /// <summary>Counts one record that passed the filter.</summary>
    /// <param name="record">The record's fields.</param>
    /// <param name="stamp">The record's number, under which the layout caches its key.</param>
    /// <param name="amount">The amount this rule sums.</param>
    public abstract void Add(in FlowFields record, long stamp, double amount);

    /// <summary>Gives back the rule's keys to the monitor's budget (the rule is being removed).</summary>
    public abstract void Release();
}
