using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>The flows to measure, the thresholds to watch and the channels to notify.</summary>
public sealed class NetworkMonitorSpec
{
    /// <summary>Flow definitions, each with a unique name: up to 50.</summary>
    [Size(Maximum = 50)]
    [JsonPropertyName("flows")]
    public IList<MonitorFlow> Flows { get; set; } = [];

    /// <summary>Thresholds over the flows or over metrics, each with a unique name: 1 to 50.</summary>
    [Required]
    [Size(Minimum = 1, Maximum = 50)]
    [JsonPropertyName("thresholds")]
    public IList<MonitorThreshold> Thresholds { get; set; } = [];

    /// <summary>Where events are delivered besides the NetworkNotification objects, each with a unique name: up to 20.</summary>
    [Size(Maximum = 20)]
    [JsonPropertyName("channels")]
    public IList<NotificationChannel> Channels { get; set; } = [];

    /// <summary>The most distinct flow keys the monitor tracks at once, over all its flows; the least recently seen are dropped beyond it.</summary>
    [DefaultValue(10000)]
    [Range(1, 1000000)]
    [JsonPropertyName("maxKeys")]
    public int MaxKeys { get; set; } = 10000;
}
