using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace NetworkMachinery.Operator.Entities;

/// <summary>A Slack incoming webhook.</summary>
public sealed class SlackChannel
{
    /// <summary>The key of a Secret, in the monitor's namespace, that holds the incoming webhook's URL.</summary>
    [Required]
    [JsonPropertyName("webhookSecretRef")]
    public SecretKeyReference WebhookSecretRef { get; set; } = new();
}
