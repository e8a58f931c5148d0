using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Filters;

namespace NetworkMachinery.Benchmarks.Alerting;

/// <summary>
/// The peer: what a straightforward engine does per record. Every rule evaluates its own filter and extracts its own
/// key, and adds the record's value into its own Dictionary keyed by a fixed-size key struct (no index, nothing shared
/// between rules, no window rings: a single running sum, which flatters the peer).
/// </summary>
internal sealed class NaiveRuleEvaluator
{
    private readonly NaiveRule[] _rules;
    private FlowFields _fields;

    public NaiveRuleEvaluator(IEnumerable<V1Alpha1NetworkMonitor> monitors) =>
        _rules = [.. monitors.SelectMany(monitor => monitor.Spec.Thresholds.Select(threshold => new NaiveRule(monitor.Spec.Flows.First(flow => flow.Name == threshold.Flow))))];

    public int Keys => _rules.Sum(rule => rule.Sums.Count);

    public void Observe(FlowMessage flow)
    {
        _fields.Load(flow);
        foreach (var rule in _rules)
        {
            rule.Observe(_fields, flow);
        }
    }

    private sealed class NaiveRule
    {
        private readonly FlowFilter? _filter;
        private readonly FilterField[] _keys;
        private readonly string _value;

        public NaiveRule(MonitorFlow flow)
        {
            if (flow.Filter is { } text && !FlowFilter.TryParse(text, out _filter, out var error))
            {
                throw new InvalidOperationException(error);
            }

            _keys = [.. flow.Keys.Select(key => FlowFieldCatalog.TryGet(key, out var field) ? field : throw new InvalidOperationException(key))];
            _value = flow.Value;
        }

        public Dictionary<NaiveKey, double> Sums { get; } = [];

        public void Observe(in FlowFields fields, FlowMessage flow)
        {
            if (_filter is not null && !_filter.Matches(fields))
            {
                return;
            }

            var key = default(NaiveKey);
            for (var i = 0; i < _keys.Length; i++)
            {
                key = key.With(i, FlowFieldCatalog.Read(fields, _keys[i]));
            }

            var value = _value switch
            {
                FlowValue.Packets => flow.Packets,
                FlowValue.Frames => 1,
                _ => (double)flow.Bytes,
            };
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(Sums, key, out _) += value;
        }
    }

    /// <summary>Up to 5 key fields of up to 128 bits each.</summary>
    private readonly record struct NaiveKey(UInt128 A, UInt128 B, UInt128 C, UInt128 D, UInt128 E)
    {
        public NaiveKey With(int index, UInt128 value) => index switch
        {
            0 => this with { A = value },
            1 => this with { B = value },
            2 => this with { C = value },
            3 => this with { D = value },
            _ => this with { E = value },
        };
    }
}
