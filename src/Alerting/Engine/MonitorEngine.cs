using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Filters;
using NetworkMachinery.Operator.Validation;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// Evaluates the rules of the NetworkMonitors over the flow, counter and probe-result streams and reports the
/// conditions they raise and clear (docs/alerting.md).
/// </summary>
/// <remarks>
/// Single-threaded by design: the host serialises every call (one consumer loop feeds <c>Observe</c> and calls
/// <see cref="Advance"/> on a timer between records), which keeps the per-record path free of locks. Records count in
/// the bucket that is open when they are observed; <see cref="Advance"/> closes the buckets that ended by then.
/// Nothing is allocated per flow record.
/// </remarks>
public sealed class MonitorEngine
{
    private readonly TimeProvider _time;
    private readonly AlertingMetrics? _metrics;
    private readonly ValidationMode _mode;
    private readonly Dictionary<string, MonitorState> _monitors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Rule> _rules = new(StringComparer.Ordinal);
    private readonly InterfaceCounters _interfaces = new();
    private readonly List<NetworkEvent> _retired = [];
    private readonly double[] _amounts = new double[3];
    private FlowRuleIndex _index = new([]);
    private CounterRule[] _counterRules = [];
    private ProbeRule[] _probeRules = [];
    private FlowFields _fields;
    private long _stamp;
    private long _flows;
    private long _counterSamples;
    private long _probeResults;
    private ulong _newestFlowNs;

    /// <summary>Creates an engine with no rules.</summary>
    /// <param name="time">The clock buckets are aligned to when rules are added; the system clock when null.</param>
    /// <param name="metrics">Where to publish the engine's metrics; none when null.</param>
    /// <param name="mode">
    /// The rules a monitor must pass to be evaluated: in a cluster its channels name Secrets (a monitor with an inline
    /// URL is left out, never delivered to); standalone they may give URLs inline.
    /// </param>
    public MonitorEngine(TimeProvider? time = null, AlertingMetrics? metrics = null, ValidationMode mode = ValidationMode.Cluster)
    {
        _time = time ?? TimeProvider.System;
        _metrics = metrics;
        _mode = mode;
    }

    /// <summary>
    /// Replaces the rule set with the thresholds of <paramref name="monitors"/>. A rule whose monitor (same namespace,
    /// name and uid), threshold and flow are unchanged keeps its keys, windows and raised conditions; a rule removed or
    /// changed while raised is reported cleared by the next <see cref="Advance"/>.
    /// </summary>
    /// <param name="monitors">Every monitor to evaluate.</param>
    /// <returns>The monitors left out because they are invalid, with their errors.</returns>
    public IReadOnlyList<MonitorProblem> Apply(IEnumerable<V1Alpha1NetworkMonitor> monitors)
    {
        ArgumentNullException.ThrowIfNull(monitors);
        var now = UnixTicks(_time.GetUtcNow());
        var problems = new List<MonitorProblem>();
        var states = new Dictionary<string, MonitorState>(StringComparer.Ordinal);
        var rules = new Dictionary<string, Rule>(StringComparer.Ordinal);
        var layouts = _rules.Values.OfType<FlowRule>().Select(rule => rule.Layout).DistinctBy(LayoutId).ToDictionary(LayoutId, StringComparer.Ordinal);
        foreach (var monitor in monitors)
        {
            var ns = monitor.Metadata?.NamespaceProperty ?? "";
            var name = monitor.Metadata?.Name ?? "";
            var errors = NetworkMonitorValidator.Validate(monitor, _mode);
            if (errors.Count > 0)
            {
                problems.Add(new MonitorProblem(ns, name, errors));
                continue;
            }

            var uid = monitor.Metadata?.Uid ?? "";
            var id = string.Join('/', ns, name, uid);
            var state = _monitors.GetValueOrDefault(id) ?? new MonitorState(ns, name, uid);
            state.MaxKeys = monitor.Spec.MaxKeys;
            states[id] = state;
            foreach (var threshold in monitor.Spec.Thresholds)
            {
                var rule = Compile(state, monitor.Spec, threshold, layouts, now);
                var ruleId = id + "/" + threshold.Name;
                rules[ruleId] = _rules.TryGetValue(ruleId, out var kept) && kept.Signature == rule.Signature ? kept : rule;
            }
        }

        foreach (var (ruleId, old) in _rules)
        {
            if (!rules.TryGetValue(ruleId, out var next) || !ReferenceEquals(next, old))
            {
                old.Retire(now, _retired);
                (old as FlowRule)?.Release();
            }
        }

        _monitors.Clear();
        foreach (var (id, state) in states)
        {
            _monitors[id] = state;
        }

        _rules.Clear();
        foreach (var (id, rule) in rules)
        {
            _rules[id] = rule;
        }

        _index = new FlowRuleIndex(_rules.Values.OfType<FlowRule>());
        _counterRules = [.. _rules.Values.OfType<CounterRule>()];
        _probeRules = [.. _rules.Values.OfType<ProbeRule>()];
        if (_counterRules.Length == 0)
        {
            _interfaces.Clear();
        }

        return problems;
    }

    /// <summary>Counts one flow record in every flow rule whose filter it passes.</summary>
    /// <param name="flow">A decoded flow record.</param>
    public void Observe(FlowMessage flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        _fields.Load(flow);
        _amounts[(int)FlowAmount.Bytes] = flow.Bytes;
        _amounts[(int)FlowAmount.Packets] = flow.Packets;
        _amounts[(int)FlowAmount.Frames] = 1;
        _index.Dispatch(_fields, ++_stamp, _amounts);
        _flows++;
        _newestFlowNs = Math.Max(_newestFlowNs, flow.TimeReceivedNs);
    }

    /// <summary>Counts one counter sample's interface counters (their growth since the interface's previous sample) in the counter rules.</summary>
    /// <param name="counters">A decoded counter sample; one without generic interface counters is ignored.</param>
    public void Observe(CounterMessage counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        _counterSamples++;
        if (_counterRules.Length == 0 || counters.GenericInterface is not { } generic)
        {
            return;
        }

        var key = new InterfaceKey(FlowFields.Address(counters.SamplerAddress), counters.SubAgentId, generic.IfIndex);
        if (_interfaces.Update(key, generic, counters.AgentUptimeMs) is not { } delta)
        {
            return;
        }

        var portName = counters.HasPortName ? counters.PortName : null;
        foreach (var rule in _counterRules)
        {
            rule.Add(key, delta, portName);
        }
    }

    /// <summary>Counts one probe result in the probe rules of its test's namespace.</summary>
    /// <param name="result">A probe result.</param>
    public void Observe(ProbeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _probeResults++;
        foreach (var rule in _probeRules)
        {
            rule.Add(result);
        }
    }

    /// <summary>
    /// Closes every bucket that ended at or before <paramref name="now"/>, checks the windows they end, and returns the
    /// conditions raised and cleared (and those of rules removed since the last call), oldest first per rule.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <returns>The events, empty when nothing changed.</returns>
    public IReadOnlyList<NetworkEvent> Advance(DateTimeOffset now)
    {
        var ticks = UnixTicks(now);
        var events = new List<NetworkEvent>(_retired);
        _retired.Clear();
        foreach (var rule in _rules.Values)
        {
            rule.Advance(ticks, events);
        }

        Publish(now, events);
        return events;
    }

    private static Rule Compile(MonitorState state, NetworkMonitorSpec spec, MonitorThreshold threshold, Dictionary<string, FlowKeyLayout> layouts, long now)
    {
        if (threshold.Metric is { Length: > 0 } metric)
        {
            return MonitorMetric.Counters.Contains(metric) ? new CounterRule(state, threshold, now) : new ProbeRule(state, threshold, now);
        }

        var flow = spec.Flows.First(flow => flow.Name == threshold.Flow);
        FlowFilter? filter = null;
        if (flow.Filter is { Length: > 0 } text && !FlowFilter.TryParse(text, out filter, out var error))
        {
            // The validator parsed the same text a moment ago.
            throw new InvalidOperationException(error);
        }

        var fields = flow.Keys.Select(key => FlowFieldCatalog.TryGet(key, out var field) ? field : throw new InvalidOperationException($"unknown key {key}")).ToArray();
        var layoutId = string.Join(',', flow.Keys);
        if (!layouts.TryGetValue(layoutId, out var layout))
        {
            layout = new FlowKeyLayout(fields);
            layouts[layoutId] = layout;
        }

        return FlowRule.Create(state, threshold, flow, filter, layout, now);
    }

    private static string LayoutId(FlowKeyLayout layout) => string.Join(',', layout.Fields.Select(FlowFieldCatalog.Name));

    private static long UnixTicks(DateTimeOffset time) => time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;

    private void Publish(DateTimeOffset now, List<NetworkEvent> events)
    {
        if (_metrics is null)
        {
            return;
        }

        _metrics.Published(_flows, _counterSamples, _probeResults);
        _flows = _counterSamples = _probeResults = 0;
        if (_newestFlowNs != 0)
        {
            _metrics.Lag(now - DateTimeOffset.UnixEpoch.AddTicks((long)(_newestFlowNs / 100)));
            _newestFlowNs = 0;
        }

        foreach (var message in events)
        {
            _metrics.Event(message.Kind switch
            {
                NetworkEvent.Types.Kind.ThresholdRaised => "threshold_raised",
                NetworkEvent.Types.Kind.ThresholdCleared => "threshold_cleared",
                NetworkEvent.Types.Kind.ProbeFailed => "probe_failed",
                _ => "probe_recovered",
            });
        }

        var keys = 0;
        foreach (var state in _monitors.Values)
        {
            _metrics.Evicted(state.Label, state.Evicted - state.PublishedEvicted, state.Dropped - state.PublishedDropped);
            state.PublishedEvicted = state.Evicted;
            state.PublishedDropped = state.Dropped;
            keys += state.Keys;
        }

        _metrics.State(keys, _rules.Count);
    }
}
