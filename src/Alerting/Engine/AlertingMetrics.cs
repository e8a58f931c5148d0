using Prometheus;

namespace NetworkMachinery.Alerting.Engine;

/// <summary>
/// The rule engine's Prometheus metrics. The engine counts in plain fields on the hot path and publishes the growth
/// here once per <see cref="MonitorEngine.Advance"/>, so a record costs no metric update.
/// </summary>
public sealed class AlertingMetrics
{
    private readonly Counter _flows;
    private readonly Counter _counters;
    private readonly Counter _probes;
    private readonly Counter _events;
    private readonly Counter _evicted;
    private readonly Counter _dropped;
    private readonly Gauge _keys;
    private readonly Gauge _rules;
    private readonly Histogram _lag;

    /// <summary>Creates the metrics in <paramref name="registry"/>.</summary>
    /// <param name="registry">The registry the host serves on /metrics.</param>
    public AlertingMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _flows = factory.CreateCounter("netm_alerting_flows_evaluated_total", "Flow records evaluated against the monitors' rules.");
        _counters = factory.CreateCounter("netm_alerting_counters_evaluated_total", "Counter samples evaluated against the monitors' counter rules.");
        _probes = factory.CreateCounter("netm_alerting_probe_results_evaluated_total", "Probe results evaluated against the monitors' probe rules.");
        _events = factory.CreateCounter("netm_alerting_events_total", "Events by kind: threshold_raised, threshold_cleared, probe_failed, probe_recovered.", "kind");
        _evicted = factory.CreateCounter("netm_alerting_keys_evicted_total", "Flow keys evicted because the monitor reached spec.maxKeys (the least recently seen of a sample, never a raised one).", "monitor");
        _dropped = factory.CreateCounter("netm_alerting_keys_dropped_total", "New flow keys not tracked because the monitor reached spec.maxKeys and every sampled key was raised (their records still count in totals).", "monitor");
        _keys = factory.CreateGauge("netm_alerting_keys", "Flow keys tracked now, over all monitors.");
        _rules = factory.CreateGauge("netm_alerting_rules", "Rules (thresholds of valid monitors) evaluated.");
        _lag = factory.CreateHistogram(
            "netm_alerting_evaluation_lag_seconds",
            "At each evaluation, how far the newest flow record evaluated since the previous one lags the clock (from the collector's receive time).",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });
    }

    internal void Published(long flows, long counters, long probes)
    {
        _flows.Inc(flows);
        _counters.Inc(counters);
        _probes.Inc(probes);
    }

    internal void Event(string kind) => _events.WithLabels(kind).Inc();

    internal void Evicted(string monitor, long evicted, long dropped)
    {
        if (evicted > 0)
        {
            _evicted.WithLabels(monitor).Inc(evicted);
        }

        if (dropped > 0)
        {
            _dropped.WithLabels(monitor).Inc(dropped);
        }
    }

    internal void State(int keys, int rules)
    {
        _keys.Set(keys);
        _rules.Set(rules);
    }

    internal void Lag(TimeSpan lag) => _lag.Observe(Math.Max(0, lag.TotalSeconds));
}
