using System.Text.Json.Serialization;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>An HTTP endpoint that receives every event as a JSON POST: give exactly one of urlSecretRef and url.</summary>
public sealed class WebhookChannel
{
    /// <summary>The key of a Secret, in the monitor's namespace, that holds the URL to POST to.</summary>
    [JsonPropertyName("urlSecretRef")]
    public SecretKeyReference? UrlSecretRef { get; set; }

    /// <summary>The URL to POST to: standalone manifests only (netm run); in a cluster use urlSecretRef.</summary>
    [Size(Maximum = 2048)]
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>The key of a Secret holding a shared key: each request then carries an HMAC-SHA256 signature of its body made with it.</summary>
    [JsonPropertyName("hmacSecretRef")]
    public SecretKeyReference? HmacSecretRef { get; set; }
}
