using Prometheus;

namespace NetworkMachinery.Operator.Runtime.Metrics;

/// <summary>
/// The work queues' Prometheus series (client-go's workqueue metrics), labelled by queue name, which is the controller's
/// name: a handful of values.
/// </summary>
internal sealed class WorkQueueMetrics
{
    public WorkQueueMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        Depth = factory.CreateGauge("netm_operator_workqueue_depth", "Keys waiting in a controller's work queue.", "name");
        Adds = factory.CreateCounter("netm_operator_workqueue_adds_total", "Keys added to a controller's work queue (duplicates of waiting keys included).", "name");
        Retries = factory.CreateCounter("netm_operator_workqueue_retries_total", "Keys put back after a failure, to be retried after a backoff.", "name");
        QueueDuration = factory.CreateHistogram(
            "netm_operator_workqueue_queue_duration_seconds",
            "Time a key waited in the queue from its add until a worker took it.",
            new HistogramConfiguration { LabelNames = ["name"], Buckets = Histogram.ExponentialBuckets(0.000_1, 4, 12) });
        WorkDuration = factory.CreateHistogram(
            "netm_operator_workqueue_work_duration_seconds",
            "Time a worker spent on a key, from taking it until Done.",
            new HistogramConfiguration { LabelNames = ["name"], Buckets = Histogram.ExponentialBuckets(0.000_1, 4, 12) });
    }

    public Gauge Depth { get; }

    public Counter Adds { get; }

    public Counter Retries { get; }

    public Histogram QueueDuration { get; }

    public Histogram WorkDuration { get; }
}
