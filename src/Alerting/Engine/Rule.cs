using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// One threshold of a monitor, compiled: its level, window and hold, and the clock of its buckets. Subclasses keep the
/// values (flows, counters, probe results) and check them each time a bucket closes.
/// </summary>
internal abstract class Rule
{
    private long _open;

    protected Rule(MonitorState monitor, MonitorThreshold threshold, string metric, string flowName, long nowTicks)
    {
        Monitor = monitor;
        Level = threshold.Value ?? 0;
        Window = WindowSpec.From(threshold);
        HoldTicks = GoDuration.Parse(threshold.Hold).Ticks;
        _open = Window.EpochOf(nowTicks);
        Message = new NetworkEvent.Types.Threshold
        {
            Name = threshold.Name,
            FlowName = flowName,
            Metric = metric,
            Value = Level,
            WindowNs = (ulong)(Window.BucketTicks * Window.Buckets * 100),
            ByFlow = threshold.ByFlow,
        };
        Signature = string.Join('|', threshold.Name, flowName, metric, Level, threshold.Window, threshold.WindowType, threshold.ByFlow, threshold.Hold);
    }

    /// <summary>The monitor the rule belongs to.</summary>
    public MonitorState Monitor { get; }

    /// <summary>The level a value must go over.</summary>
    public double Level { get; }

    /// <summary>The window.</summary>
    public WindowSpec Window { get; }

    /// <summary>The hold time.</summary>
    public long HoldTicks { get; }

    /// <summary>The threshold as events carry it.</summary>
    public NetworkEvent.Types.Threshold Message { get; }

    /// <summary>Everything the rule was compiled from: a rule with the same signature is the same rule and keeps its state.</summary>
    public virtual string Signature { get; }

    /// <summary>The bucket values are added to now.</summary>
    protected long Open => _open;

    /// <summary>Closes every bucket that ended at or before <paramref name="nowTicks"/> (Unix ticks), checking the window at each.</summary>
    public void Advance(long nowTicks, List<NetworkEvent> events)
    {
        var current = Window.EpochOf(nowTicks);
        while (_open < current)
        {
            Close(_open, Window.EndOf(_open), events);

            // After a gap longer than the window every bucket is empty and each further check sees the same; jump ahead.
            _open = current - _open > Window.Buckets + 1 ? current - Window.Buckets - 1 : _open + 1;
        }
    }

    /// <summary>Clears every raised condition: the rule was removed or changed.</summary>
    public abstract void Retire(long nowTicks, List<NetworkEvent> events);

    /// <summary>Checks the window that ends with bucket <paramref name="closed"/> at <paramref name="at"/> (Unix ticks).</summary>
    protected abstract void Close(long closed, long at, List<NetworkEvent> events);
}
