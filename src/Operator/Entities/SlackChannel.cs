using System.Text.Json.Serialization;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>A Slack incoming webhook: give exactly one of webhookSecretRef and url.</summary>
public sealed class SlackChannel
{
    /// <summary>The key of a Secret, in the monitor's namespace, that holds the incoming webhook's URL.</summary>
    [JsonPropertyName("webhookSecretRef")]
    public SecretKeyReference? WebhookSecretRef { get; set; }

    /// <summary>The incoming webhook's URL itself: standalone manifests only (netm run); in a cluster use webhookSecretRef.</summary>
    [Size(Maximum = 2048)]
    [JsonPropertyName("url")]
    public string? Url { get; set; }
}
