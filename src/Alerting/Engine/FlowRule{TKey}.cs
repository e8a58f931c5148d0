using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Filters;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// A flow rule's values: per key in a <see cref="FlowKeyTable{TKey}"/> (for byFlow conditions, and for the top talkers
/// of a total) and the total in a ring of its own, which eviction does not touch.
/// </summary>
/// <typeparam name="TKey">The fixed-size key that holds the flow's keys (<see cref="KeyWords"/>).</typeparam>
internal sealed class FlowRule<TKey> : FlowRule
    where TKey : struct
{
    /// <summary>The keys an eviction samples to pick the least recently seen.</summary>
    private const int EvictionSample = 8;

    /// <summary>The top talkers an event on a total carries.</summary>
    private const int TopTalkers = 5;

    private readonly FlowKeyTable<TKey> _table;
    private readonly double[] _total;
    private readonly bool _byFlow;
    private readonly List<(TKey Key, ulong Hash)> _idle = [];
    private readonly (int Slot, double Value)[] _top = new (int, double)[TopTalkers];
    private long _totalEpoch;
    private Condition _totalCondition;
    private double _lastTotal;

    public FlowRule(MonitorState monitor, MonitorThreshold threshold, MonitorFlow flow, FlowFilter? filter, FlowKeyLayout layout, long nowTicks)
        : base(monitor, threshold, flow, filter, layout, nowTicks)
    {
        _byFlow = threshold.ByFlow;
        _table = new FlowKeyTable<TKey>(Window.Buckets);
        _total = new double[Window.Buckets];
        _totalEpoch = Open;
    }

    /// <inheritdoc/>
    public override void Add(in FlowFields record, long stamp, double amount)
    {
        var open = Open;
        BucketRing.Add(_total, ref _totalEpoch, open, amount);
        var key = KeyWords.From<TKey>(Layout.Extract(record, stamp, out var hash));
        if (!_table.TryAdd(key, hash, open, amount))
        {
            Admit(key, hash, open, amount);
        }
    }

    /// <inheritdoc/>
    public override void Release() => Monitor.Keys -= _table.Count;

    /// <inheritdoc/>
    public override void Retire(long nowTicks, List<NetworkEvent> events)
    {
        for (var slot = 0; slot < _table.Capacity; slot++)
        {
            if (_table.IsUsed(slot) && _table.Condition(slot).Raised)
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

            ref var condition = ref _table.Condition(slot);
            var value = _table.Sum(slot, closed) / seconds;
            if (_byFlow)
            {
                var change = condition.Check(value > Level, at, HoldTicks);
                if (change != ConditionChange.None)
                {
                    events.Add(KeyEvent(slot, change == ConditionChange.Raised ? NetworkEvent.Types.Kind.ThresholdRaised : NetworkEvent.Types.Kind.ThresholdCleared, value, change == ConditionChange.Cleared ? at : 0));
                }
            }
            else
            {
                found = Rank(slot, value, found);
            }

            if (value == 0 && !condition.Raised)
            {
                _idle.Add((_table.Key(slot), HashOf(slot)));
            }
        }

        if (!_byFlow)
        {
            CheckTotal(closed, at, found, events);
        }

        // Idle keys (nothing in the whole window) go last, found again by key: a removal shifts other keys' slots.
        foreach (var (key, hash) in _idle)
        {
            _table.Remove(key, hash);
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

        // A clear carries the raise's time, and so its event id: Condition keeps RaisedAt after clearing.
        var kind = change == ConditionChange.Raised ? NetworkEvent.Types.Kind.ThresholdRaised : NetworkEvent.Types.Kind.ThresholdCleared;
        var message = EventFactory.Create(this, kind, "", total, _totalCondition.RaisedAt, change == ConditionChange.Cleared ? at : 0);
        for (var i = 0; i < found; i++)
        {
            var talker = new NetworkEvent.Types.Talker { Value = _top[i].Value };
            talker.Key.Add(Describe(_top[i].Slot));
            message.TopTalkers.Add(talker);
        }

        events.Add(message);
    }

    private ulong HashOf(int slot) => FlowKeyLayout.Hash(Words(slot));

    private Dictionary<string, string> Describe(int slot) => Layout.Describe(Words(slot));

    private ReadOnlySpan<ulong> Words(int slot) => KeyWords.Of(_table.Key(slot))[..Layout.Words];

    private NetworkEvent KeyEvent(int slot, NetworkEvent.Types.Kind kind, double value, long clearedAt)
    {
        var key = Words(slot);
        var described = Layout.Describe(key);
        var message = EventFactory.Create(this, kind, EventFactory.Describe(described), value, _table.Condition(slot).RaisedAt, clearedAt);
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

    private void Admit(in TKey key, ulong hash, long open, double amount)
    {
        var monitor = Monitor;
        if (monitor.Keys >= monitor.MaxKeys)
        {
            var victim = _table.PickVictim(monitor.NextRandom(), EvictionSample);
            if (victim < 0)
            {
                monitor.Dropped++;
                return;
            }

            _table.RemoveAt(victim);
            monitor.Keys--;
            monitor.Evicted++;
        }

        monitor.Keys++;
        _table.Insert(key, hash, open, amount);
    }
}
