using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>One threshold crossing as the monitor saw it.</summary>
public sealed class NotificationEvent
{
    /// <summary>The event's identifier, unique per monitor; the same crossing reported twice has the same id.</summary>
    [Required]
    [Size(Maximum = 128)]
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>The flow's rate or the metric's value that crossed the threshold.</summary>
    [Required]
    [JsonPropertyName("value")]
    public double? Value { get; set; }

    /// <summary>The threshold's level at the time, from the monitor's spec.</summary>
    [JsonPropertyName("thresholdValue")]
    public double? ThresholdValue { get; set; }

    /// <summary>The window the value was averaged over, a duration such as 10s.</summary>
    [Duration]
    [JsonPropertyName("window")]
    public string? Window { get; set; }

    /// <summary>The address of the sFlow agent that reported the traffic.</summary>
    [Size(Maximum = 45)]
    [JsonPropertyName("agent")]
    public string? Agent { get; set; }

    /// <summary>The data source at the agent: the interface (ifIndex or name) the samples came from.</summary>
    [Size(Maximum = 253)]
    [JsonPropertyName("dataSource")]
    public string? DataSource { get; set; }

    /// <summary>When the threshold was crossed.</summary>
    [Required]
    [JsonPropertyName("timestamp")]
    public DateTime? Timestamp { get; set; }

    /// <summary>When the value had stayed back at or under the level for the threshold's hold time: the crossing is over. Absent while it lasts.</summary>
    [JsonPropertyName("clearedAt")]
    public DateTime? ClearedAt { get; set; }
}
