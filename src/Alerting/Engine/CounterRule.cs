using System.Globalization;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Filters;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// A threshold on an interface counter (<see cref="MonitorMetric.Counters"/>), per interface: the counter's growth
/// between consecutive samples is added to the bucket open when the later sample arrives, and the window's sum divided
/// by its length is the rate compared. Utilisation is the octets' growth in bits as a percentage of the interface's speed.
/// </summary>
internal sealed class CounterRule(MonitorState monitor, MonitorThreshold threshold, long nowTicks)
    : Rule(monitor, threshold, threshold.Metric!, "", nowTicks)
{
    private readonly string _metric = threshold.Metric!;
    private readonly Dictionary<InterfaceKey, (KeyedSeries Series, string Name)> _interfaces = [];
    private readonly List<InterfaceKey> _idle = [];

    /// <summary>Adds an interface's growth since its previous sample.</summary>
    public void Add(InterfaceKey key, CounterDelta delta, string? portName)
    {
        if (Value(delta) is not { } value)
        {
            return;
        }

        if (!_interfaces.TryGetValue(key, out var known))
        {
            known = (new KeyedSeries(Window.Buckets, Open), portName ?? "");
        }

        known.Series.Add(Open, value);
        _interfaces[key] = (known.Series, portName ?? known.Name);
    }

    /// <inheritdoc/>
    public override void Retire(long nowTicks, List<NetworkEvent> events)
    {
        foreach (var (key, (series, name)) in _interfaces)
        {
            if (series.Condition.Raised)
            {
                events.Add(Event(key, name, series, NetworkEvent.Types.Kind.ThresholdCleared, nowTicks));
            }
        }
    }

    /// <inheritdoc/>
    protected override void Close(long closed, long at, List<NetworkEvent> events)
    {
        _idle.Clear();
        foreach (var (key, (series, name)) in _interfaces)
        {
            var (sum, count) = series.Window(closed);
            if (count == 0 && !series.Condition.Raised)
            {
                _idle.Add(key);
                continue;
            }

            series.LastValue = sum / Window.Seconds;
            var change = series.Condition.Check(series.LastValue > Level, at, HoldTicks);
            if (change != ConditionChange.None)
            {
                events.Add(Event(key, name, series, change == ConditionChange.Raised ? NetworkEvent.Types.Kind.ThresholdRaised : NetworkEvent.Types.Kind.ThresholdCleared, change == ConditionChange.Cleared ? at : 0));
            }
        }

        foreach (var key in _idle)
        {
            _interfaces.Remove(key);
        }
    }

    private double? Value(CounterDelta delta) => _metric switch
    {
        MonitorMetric.IfInOctets => delta.InOctets,
        MonitorMetric.IfOutOctets => delta.OutOctets,
        MonitorMetric.IfInPackets => delta.InPackets,
        MonitorMetric.IfOutPackets => delta.OutPackets,
        MonitorMetric.IfInErrors => delta.InErrors,
        MonitorMetric.IfOutErrors => delta.OutErrors,
        MonitorMetric.IfInDiscards => delta.InDiscards,
        MonitorMetric.IfOutDiscards => delta.OutDiscards,
        MonitorMetric.IfInUtilization when delta.Speed > 0 => delta.InOctets * 8 * 100 / delta.Speed,
        MonitorMetric.IfOutUtilization when delta.Speed > 0 => delta.OutOctets * 8 * 100 / delta.Speed,
        _ => null,
    };

    private NetworkEvent Event(InterfaceKey key, string name, KeyedSeries series, NetworkEvent.Types.Kind kind, long clearedAt)
    {
        var agent = FlowFieldCatalog.Format(FilterField.Agent, key.Agent);
        var condition = string.Join('/', agent, key.SubAgent.ToString(CultureInfo.InvariantCulture), key.IfIndex.ToString(CultureInfo.InvariantCulture));
        var message = EventFactory.Create(this, kind, condition, series.LastValue, series.Condition.RaisedAt, clearedAt);
        message.AgentAddress = agent;
        message.SubAgentId = key.SubAgent;
        message.IfIndex = key.IfIndex;
        message.InterfaceName = name;
        return message;
    }
}
