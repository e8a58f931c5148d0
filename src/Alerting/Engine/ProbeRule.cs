using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// A threshold on the connectivity tests' probe results (<see cref="MonitorMetric.Probes"/>) in the monitor's
/// namespace, per test, source and destination: the mean loss or round-trip time of the window's results, or the
/// number of its failed ones. A window without results checks nothing (a raised condition stays raised).
/// </summary>
internal sealed class ProbeRule(MonitorState monitor, MonitorThreshold threshold, long nowTicks)
    : Rule(monitor, threshold, threshold.Metric!, "", nowTicks)
{
    private readonly string _metric = threshold.Metric!;
    private readonly Dictionary<string, (KeyedSeries Series, ProbeResult Last, Dictionary<string, string> Key)> _paths = new(StringComparer.Ordinal);
    private readonly List<string> _idle = [];

    /// <summary>Adds one probe result, when it belongs to a test of the monitor's namespace.</summary>
    public void Add(ProbeResult result)
    {
        if ((result.Test?.Namespace ?? "") != Monitor.Namespace || Value(result) is not { } value)
        {
            return;
        }

        var key = Key(result);
        var id = EventFactory.Describe(key);
        var series = _paths.TryGetValue(id, out var known) ? known.Series : new KeyedSeries(Window.Buckets, Open);
        series.Add(Open, value);
        _paths[id] = (series, result, key);
    }

    /// <inheritdoc/>
    public override void Retire(long nowTicks, List<NetworkEvent> events)
    {
        foreach (var (id, path) in _paths)
        {
            if (path.Series.Condition.Raised)
            {
                events.Add(Event(id, path, NetworkEvent.Types.Kind.ProbeRecovered, nowTicks));
            }
        }
    }

    /// <inheritdoc/>
    protected override void Close(long closed, long at, List<NetworkEvent> events)
    {
        _idle.Clear();
        foreach (var (id, path) in _paths)
        {
            var (sum, count) = path.Series.Window(closed);
            if (count == 0)
            {
                if (!path.Series.Condition.Raised)
                {
                    _idle.Add(id);
                }

                continue;
            }

            path.Series.LastValue = _metric == MonitorMetric.ProbeFailures ? sum : sum / count;
            var change = path.Series.Condition.Check(path.Series.LastValue > Level, at, HoldTicks);
            if (change != ConditionChange.None)
            {
                events.Add(Event(id, path, change == ConditionChange.Raised ? NetworkEvent.Types.Kind.ProbeFailed : NetworkEvent.Types.Kind.ProbeRecovered, change == ConditionChange.Cleared ? at : 0));
            }
        }

        foreach (var id in _idle)
        {
            _paths.Remove(id);
        }
    }

    private double? Value(ProbeResult result) => _metric switch
    {
        MonitorMetric.ProbeLossPercent => result.LossPercent,
        MonitorMetric.ProbeRttMs when result.Received > 0 => result.RttAvgNs / 1e6,
        MonitorMetric.ProbeFailures => result.Verdict == ProbeResult.Types.Verdict.Reachable ? 0 : 1,
        _ => null,
    };

    private static Dictionary<string, string> Key(ProbeResult result)
    {
        var source = result.Source;
        var destination = result.Destination;
        var from = source is null ? "" : source.Host ? "node/" + source.Node : source.PodNamespace + "/" + source.PodName;
        var to = destination is null ? "" : destination.Port == 0 ? destination.Address : $"{destination.Address}:{destination.Port}";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["test"] = (result.Test?.Namespace ?? "") + "/" + (result.Test?.Name ?? ""),
            ["source"] = from,
            ["destination"] = to,
        };
    }

    private NetworkEvent Event(string id, (KeyedSeries Series, ProbeResult Last, Dictionary<string, string> Key) path, NetworkEvent.Types.Kind kind, long clearedAt)
    {
        var message = EventFactory.Create(this, kind, id, path.Series.LastValue, path.Series.Condition.RaisedAt, clearedAt);
        message.FlowKey.Add(path.Key);
        message.ProbeResult = path.Last.Clone();
        return message;
    }
}
