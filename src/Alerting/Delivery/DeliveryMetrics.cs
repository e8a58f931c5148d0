using Prometheus;

namespace NetworkMachinery.Alerting.Delivery;

/// <summary>
/// The Prometheus metrics of notification delivery. Labels are the channel type (slack, webhook), the delivery's
/// outcome and the attempt's result, all from small fixed sets: channel names and URLs are left out so that the
/// number of series stays bounded.
/// </summary>
public sealed class DeliveryMetrics
{
    private readonly Counter _deliveries;
    private readonly Counter _attempts;
    private readonly Histogram _attemptDuration;
    private readonly Histogram _deliveryDuration;
    private readonly Counter _rateLimited;
    private readonly Counter _statusReportErrors;

    /// <summary>Creates the metrics in <paramref name="registry"/>.</summary>
    public DeliveryMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _deliveries = factory.CreateCounter(
            "netm_notification_deliveries_total", "Notifications delivered to a channel or given up on, by channel type and outcome (delivered, failed).", "type", "outcome");
        _attempts = factory.CreateCounter(
            "netm_notification_delivery_attempts_total",
            "Delivery attempts, by channel type and result (success, http_4xx, http_429, http_5xx, http_other, timeout, connection, secret, invalid_url).",
            "type",
            "result");
        _attemptDuration = factory.CreateHistogram(
            "netm_notification_delivery_attempt_duration_seconds",
            "Time one attempt took, from sending the request to the response's headers, by channel type.",
            new HistogramConfiguration { LabelNames = ["type"], Buckets = Histogram.ExponentialBuckets(0.001, 2.5, 12) });
        _deliveryDuration = factory.CreateHistogram(
            "netm_notification_delivery_duration_seconds",
            "Time from the start of a delivery to its outcome, retries, backoff and rate-limit waits included, by channel type and outcome.",
            new HistogramConfiguration { LabelNames = ["type", "outcome"], Buckets = Histogram.ExponentialBuckets(0.001, 3, 14) });
        _rateLimited = factory.CreateCounter(
            "netm_notification_rate_limited_total", "Attempts that waited for their URL's rate limit, by channel type.", "type");
        _statusReportErrors = factory.CreateCounter(
            "netm_notification_status_report_errors_total", "Delivery status reports that could not be written (the delivery itself went on).");
    }

    internal void CountAttempt(string type, string result, TimeSpan duration)
    {
        _attempts.WithLabels(type, result).Inc();
        _attemptDuration.WithLabels(type).Observe(duration.TotalSeconds);
    }

    internal void CountDelivery(string type, string outcome, TimeSpan duration)
    {
        _deliveries.WithLabels(type, outcome).Inc();
        _deliveryDuration.WithLabels(type, outcome).Observe(duration.TotalSeconds);
    }

    internal void CountRateLimited(string type) => _rateLimited.WithLabels(type).Inc();

    internal void CountStatusReportError() => _statusReportErrors.Inc();
}
