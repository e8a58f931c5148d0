using System.Runtime.CompilerServices;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Filters;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// A threshold on a flow: the flow's value per key in a <see cref="FlowKeyTable"/> (for byFlow conditions, and for the
/// top talkers of a total) and its total in a ring of its own, which eviction does not touch.
/// </summary>
internal sealed class FlowRule : Rule
{
    /// <summary>The keys an eviction samples to pick the least recently seen.</summary>
    private const int EvictionSample = 8;

    /// <summary>The top talkers an event on a total carries.</summary>
    private const int TopTalkers = 5;

    private readonly FlowKeyTable _table;
    private readonly double[] _total;
    private readonly bool _byFlow;
    private long _totalEpoch;
    private Condition _totalCondition;
    private double _lastTotal;
    private readonly List<ulong> _idle = [];
    private readonly (int Slot, double Value)[] _top = new (int, double)[TopTalkers];

    public FlowRule(MonitorState monitor, MonitorThreshold threshold, MonitorFlow flow, FlowFilter? filter, FlowKeyLayout layout, long nowTicks)
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
        _byFlow = threshold.ByFlow;
        _table = new FlowKeyTable(layout.Words, Window.Buckets);
        _total = new double[Window.Buckets];
        _totalEpoch = Open;
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

    /// <summary>Keys tracked now.</summary>
    public int Keys => _table.Count;

    /// <summary>Counts one record that passed the filter: <paramref name="amount"/> into its key's bucket and the total's.</summary>
    /// <param name="record">The record's fields.</param>
    /// <param name="stamp">The record's number, under which the layout caches its key.</param>
    /// <param name="amount">The amount this rule sums.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in FlowFields record, long stamp, double amount)
    {
        var open = Open;
        BucketRing.Add(_total, ref _totalEpoch, open, amount);
        var key = Layout.Extract(record, stamp, out var hash);
        var slot = _table.Find(key, hash);
        if (slot < 0)
        {
            slot = Admit(key, hash, open);
            if (slot < 0)
            {
                return;
            }
        }

        BucketRing.Add(_table.Ring(slot), ref _table.Entry(slot).Epoch, open, amount);
    }

    /// <summary>Gives back the rule's keys to the monitor's budget (the rule is being removed).</summary>
    public void Release() => Monitor.Keys -= _table.Count;

    /// <inheritdoc/>
    public override void Retire(long nowTicks, List<NetworkEvent> events)
    {
        for (var slot = 0; slot < _table.Capacity; slot++)
        {
            if (_table.IsUsed(slot) && _table.Entry(slot).Condition.Raised)
            {
                events.Add(KeyEvent(slot, NetworkEvent.Types.Kind.ThresholdCleared, 0, nowTicks));
            }
        }

        if (_totalCondition.Raised)
        {
            events.Add(EventFactory.Create(this, NetworkEvent.Types.Kind.ThresholdCleared, "", _lastTotal, _totalCondition.RaisedAt, nowTicks));
        }
    }

    /// <inheritdoc/>
    protected override void Close(long closed, long at, List<NetworkEvent> events)
    {
        var seconds = Window.Seconds;
        var found = 0;
        _idle.Clear();
        for (var slot = 0; slot < _table.Capacity; slot++)
        {
            if (!_table.IsUsed(slot))
            {
                continue;
            }

            ref var entry = ref _table.Entry(slot);
            var value = BucketRing.Sum(_table.Ring(slot), entry.Epoch, closed) / seconds;
            if (_byFlow)
            {
                var change = entry.Condition.Check(value > Level, at, HoldTicks);
                if (change != ConditionChange.None)
                {
                    events.Add(KeyEvent(slot, change == ConditionChange.Raised ? NetworkEvent.Types.Kind.ThresholdRaised : NetworkEvent.Types.Kind.ThresholdCleared, value, change == ConditionChange.Cleared ? at : 0));
                }
            }
            else
            {
                found = Rank(slot, value, found);
            }

            if (value == 0 && !entry.Condition.Raised)
            {
                _idle.AddRange(_table.Key(slot));
            }
        }

        if (!_byFlow)
        {
            CheckTotal(closed, at, found, events);
        }

        // Idle keys (nothing in the whole window) go last, found again by key: a removal shifts other keys' slots.
        var idle = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_idle);
        for (var i = 0; i < idle.Length; i += Layout.Words)
        {
            var key = idle.Slice(i, Layout.Words);
            _table.Remove(_table.Find(key, FlowKeyLayout.Hash(key)));
            Monitor.Keys--;
        }
    }

    private void CheckTotal(long closed, long at, int found, List<NetworkEvent> events)
    {
        var total = BucketRing.Sum(_total, _totalEpoch, closed) / Window.Seconds;
        _lastTotal = total;
        var change = _totalCondition.Check(total > Level, at, HoldTicks);
        if (change == ConditionChange.None)
        {
            return;
        }

        var talkers = new NetworkEvent.Types.Talker[found];
        for (var i = 0; i < found; i++)
        {
            talkers[i] = new NetworkEvent.Types.Talker { Value = _top[i].Value };
            talkers[i].Key.Add(Layout.Describe(_table.Key(_top[i].Slot)));
        }

        // A clear carries the raise's time, and so its event id: Condition keeps RaisedAt after clearing.
        var kind = change == ConditionChange.Raised ? NetworkEvent.Types.Kind.ThresholdRaised : NetworkEvent.Types.Kind.ThresholdCleared;
        var message = EventFactory.Create(this, kind, "", total, _totalCondition.RaisedAt, change == ConditionChange.Cleared ? at : 0);
        message.TopTalkers.Add(talkers);
        events.Add(message);
    }

    private NetworkEvent KeyEvent(int slot, NetworkEvent.Types.Kind kind, double value, long clearedAt)
    {
        var key = _table.Key(slot);
        var described = Layout.Describe(key);
        var message = EventFactory.Create(this, kind, EventFactory.Describe(described), value, _table.Entry(slot).Condition.RaisedAt, clearedAt);
        message.FlowKey.Add(described);
        if (Layout.Find(key, FilterField.Agent) is { } agent)
        {
            message.AgentAddress = FlowFieldCatalog.Format(FilterField.Agent, agent);
        }

        if ((Layout.Find(key, FilterField.InIf) ?? Layout.Find(key, FilterField.OutIf)) is { } ifIndex)
        {
            message.IfIndex = (uint)ifIndex;
        }

        return message;
    }

    // Keeps _top sorted by value, largest first; returns how many it holds.
    private int Rank(int slot, double value, int found)
    {
        if (value <= 0 || (found == TopTalkers && value <= _top[found - 1].Value))
        {
            return found;
        }

        var at = Math.Min(found, TopTalkers - 1);
        while (at > 0 && _top[at - 1].Value < value)
        {
            _top[at] = _top[at - 1];
            at--;
        }

        _top[at] = (slot, value);
        return Math.Min(found + 1, TopTalkers);
    }

    private int Admit(ReadOnlySpan<ulong> key, ulong hash, long open)
    {
        var monitor = Monitor;
        if (monitor.Keys >= monitor.MaxKeys)
        {
            var victim = _table.PickVictim(monitor.NextRandom(), EvictionSample);
            if (victim < 0)
            {
                monitor.Dropped++;
                return -1;
            }

            _table.Remove(victim);
            monitor.Keys--;
            monitor.Evicted++;
        }

        monitor.Keys++;
        return _table.Insert(key, hash, open);
    }
}
