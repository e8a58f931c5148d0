using Prometheus;

namespace NetworkMachinery.Operator.Runtime.Metrics;

/// <summary>The event recorder's Prometheus series.</summary>
internal sealed class EventMetrics
{
    public EventMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        Events = factory.CreateCounter(
            "netm_operator_events_total",
            "Kubernetes Events recorded, by result: created, patched (a repeat aggregated into its Event), throttled (over the per-object rate limit), dropped (the write queue was full or stopped), failed (the API server refused or was unreachable).",
            "result");
    }

    public Counter Events { get; }
}
