using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace NetworkMachinery.Operator.Entities;

/// <summary>An HTTP endpoint that receives every event as a JSON POST.</summary>
public sealed class WebhookChannel
{
    /// <summary>The key of a Secret, in the monitor's namespace, that holds the URL to POST to.</summary>
    [Required]
    [JsonPropertyName("urlSecretRef")]
    public SecretKeyReference UrlSecretRef { get; set; } = new();

    /// <summary>The key of a Secret holding a shared key: each request then carries an HMAC-SHA256 signature of its body made with it.</summary>
    [JsonPropertyName("hmacSecretRef")]
    public SecretKeyReference? HmacSecretRef { get; set; }
}
