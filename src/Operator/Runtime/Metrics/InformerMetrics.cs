using Prometheus;

namespace NetworkMachinery.Operator.Runtime.Metrics;

/// <summary>The informers' Prometheus series, labelled by resource (e.g. <c>pods</c>, <c>networkconnectivitytests.networkmachinery.io</c>).</summary>
internal sealed class InformerMetrics
{
    public InformerMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        Events = factory.CreateCounter("netm_operator_informer_events_total", "Watch events applied to an informer's cache, by type: added, modified, deleted, bookmark.", "resource", "type");
        Lists = factory.CreateCounter("netm_operator_informer_lists_total", "Full lists an informer made: the first, and one after each expired resourceVersion (410 Gone).", "resource");
        Failures = factory.CreateCounter("netm_operator_informer_failures_total", "Lists and watches that failed (API server unreachable, errors); each is retried after a backoff.", "resource");
        Objects = factory.CreateGauge("netm_operator_informer_objects", "Objects in an informer's cache.", "resource");
    }

    public Counter Events { get; }

    public Counter Lists { get; }

    public Counter Failures { get; }

    public Gauge Objects { get; }
}
