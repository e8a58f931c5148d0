using Prometheus;

namespace NetworkMachinery.Operator.Runtime.Metrics;

/// <summary>The controllers' Prometheus series, labelled by controller name (controller-runtime's set).</summary>
internal sealed class ControllerMetrics
{
    public ControllerMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        Reconciles = factory.CreateCounter(
            "netm_operator_reconcile_total",
            "Reconciles by result: success, requeue_after, retry (backoff without an error), error (threw; retried after a backoff), cancelled (the controller stopped).",
            "controller",
            "result");
        Errors = factory.CreateCounter("netm_operator_reconcile_errors_total", "Reconciles that threw.", "controller");
        Duration = factory.CreateHistogram(
            "netm_operator_reconcile_duration_seconds",
            "Time one reconcile took.",
            new HistogramConfiguration { LabelNames = ["controller"], Buckets = Histogram.ExponentialBuckets(0.000_5, 2, 16) });
        Running = factory.CreateGauge("netm_operator_controller_running", "1 while a controller's workers run (this instance leads), else 0.", "controller");
    }

    public Counter Reconciles { get; }

    public Counter Errors { get; }

    public Histogram Duration { get; }

    public Gauge Running { get; }
}
