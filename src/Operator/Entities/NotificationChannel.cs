using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>A delivery channel for a monitor's events: give exactly one of slack and webhook.</summary>
public sealed class NotificationChannel
{
    /// <summary>The channel's name, unique in the monitor; thresholds and delivery status refer to it.</summary>
    [Required]
    [Size(Maximum = 63)]
    [RegularExpression(Patterns.DnsLabel)]
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Post to a Slack incoming webhook.</summary>
    [JsonPropertyName("slack")]
    public SlackChannel? Slack { get; set; }

    /// <summary>POST the event as JSON to a URL.</summary>
    [JsonPropertyName("webhook")]
    public WebhookChannel? Webhook { get; set; }
}
