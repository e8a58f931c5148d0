using Prometheus;

namespace NetworkMachinery.Operator.Admission;

/// <summary>The webhook's Prometheus series.</summary>
internal sealed class AdmissionMetrics
{
    public AdmissionMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        Reviews = factory.CreateCounter(
            "netm_operator_admission_reviews_total",
            "Admission reviews answered, by the object's kind, the operation and the outcome: allowed, denied (the object is invalid), malformed (the body was no review; answered 400).",
            "kind",
            "operation",
            "outcome");
        Duration = factory.CreateHistogram(
            "netm_operator_admission_review_duration_seconds",
            "Time from reading a review's body to writing the answer.",
            new HistogramConfiguration { LabelNames = ["kind"], Buckets = Histogram.ExponentialBuckets(0.000_1, 2, 16) });
    }

    public Counter Reviews { get; }

    public Histogram Duration { get; }
}
