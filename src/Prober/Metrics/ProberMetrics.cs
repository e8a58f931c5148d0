using NetworkMachinery.Contracts;
using Prometheus;

namespace NetworkMachinery.Prober.Metrics;

/// <summary>
/// The prober's Prometheus metrics. Labels are the probe type and the verdict only: both come from small fixed sets,
/// so the number of series stays bounded however many pods and targets are probed.
/// </summary>
public sealed class ProberMetrics
{
    private static readonly string[] TypeLabels = Labels<ProbeResult.Types.ProbeType>();
    private static readonly string[] VerdictLabels = Labels<ProbeResult.Types.Verdict>();

    private readonly Counter _probes;
    private readonly Histogram _duration;
    private readonly Gauge _inFlight;
    private readonly Counter _tasks;

    /// <summary>Creates the metrics in <paramref name="registry"/>.</summary>
    public ProberMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _probes = factory.CreateCounter("netm_probes_total", "Probes finished, by probe type and verdict.", "type", "verdict");
        _duration = factory.CreateHistogram(
            "netm_probe_duration_seconds",
            "Time a probe ran (all its attempts), by probe type.",
            new HistogramConfiguration { LabelNames = ["type"], Buckets = Histogram.ExponentialBuckets(0.000_1, 2.5, 14) });
        _inFlight = factory.CreateGauge("netm_probes_in_flight", "Probes running now, by probe type.", "type");
        _tasks = factory.CreateCounter("netm_probe_tasks_total", "Probe tasks received.");
    }

    internal void CountTask() => _tasks.Inc();

    internal void CountProbe(ProbeResult.Types.ProbeType type, ProbeResult.Types.Verdict verdict, TimeSpan duration)
    {
        _probes.WithLabels(Label(TypeLabels, (int)type), Label(VerdictLabels, (int)verdict)).Inc();
        _duration.WithLabels(Label(TypeLabels, (int)type)).Observe(duration.TotalSeconds);
    }

    internal IDisposable TrackInFlight(ProbeResult.Types.ProbeType type) => _inFlight.WithLabels(Label(TypeLabels, (int)type)).TrackInProgress();

    private static string Label(string[] labels, int value) => (uint)value < (uint)labels.Length ? labels[value] : "unknown";

    // Indexed by the enum's value; protoc numbers the values 0..n densely.
    private static string[] Labels<TEnum>()
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var labels = new string[values.Max(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) + 1];
        Array.Fill(labels, "unknown");
        foreach (var value in values)
        {
            labels[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = value.ToString().ToLowerInvariant();
        }

        return labels;
    }
}
