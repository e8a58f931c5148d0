using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>
/// A threshold: an event starts when a flow's rate, or a metric, goes above value over the window, and ends when it
/// has stayed at or below value for hold. Give either flow or metric.
/// </summary>
public sealed class MonitorThreshold
{
    /// <summary>The threshold's name, unique in the monitor; notifications carry it.</summary>
    [Required]
    [Size(Maximum = 63)]
    [RegularExpression(Patterns.DnsLabel)]
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>The name of a flow of spec.flows whose value per second is compared.</summary>
    [Size(Maximum = 63)]
    [RegularExpression(Patterns.DnsLabel)]
    [JsonPropertyName("flow")]
    public string? Flow { get; set; }

    /// <summary>A metric compared instead of a flow: an interface counter per second (such as ifInOctets, ifInErrors, ifOutDiscards) or a probe figure (such as probeLossPercent, probeRttMs).</summary>
    [Size(Maximum = 128)]
    [RegularExpression(Patterns.MetricName)]
    [JsonPropertyName("metric")]
    public string? Metric { get; set; }

    /// <summary>The level above which an event starts; more than 0.</summary>
    [Required]
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    [JsonPropertyName("value")]
    public double? Value { get; set; }

    /// <summary>The time the rate is averaged over, a duration such as 10s; at least 1s.</summary>
    [DefaultValue("10s")]
    [Duration(Minimum = "1s")]
    [JsonPropertyName("window")]
    public string Window { get; set; } = "10s";

    /// <summary>How the window moves: sliding (checked every tenth of the window over the last whole window) or tumbling (checked once at the end of each window).</summary>
    [DefaultValue(Entities.WindowType.Sliding)]
    [AllowedValues(Entities.WindowType.Sliding, Entities.WindowType.Tumbling)]
    [JsonPropertyName("windowType")]
    public string WindowType { get; set; } = Entities.WindowType.Sliding;

    /// <summary>Compare each flow key on its own (one event per key above the level) instead of the flow's total.</summary>
    [DefaultValue(false)]
    [JsonPropertyName("byFlow")]
    public bool ByFlow { get; set; }

    /// <summary>How long the value must stay at or below the level before the event ends, a duration such as 30s (hysteresis against flapping).</summary>
    [DefaultValue("0")]
    [Duration]
    [JsonPropertyName("hold")]
    public string Hold { get; set; } = "0";

    /// <summary>The names of the spec.channels to notify; every channel when left out.</summary>
    [Size(Maximum = 20)]
    [RegularExpression(Patterns.DnsLabel)]
    [JsonPropertyName("channels")]
    public IList<string> Channels { get; set; } = [];
}
