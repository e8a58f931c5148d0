using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace NetworkMachinery.Operator.Entities;

/// <summary>The delivery of a notification to one channel.</summary>
public sealed class ChannelDelivery
{
    /// <summary>The channel's name in the monitor's spec.channels.</summary>
    [JsonPropertyName("channel")]
    public string Channel { get; set; } = "";

    /// <summary>Pending (not delivered yet; retrying), Delivered, or Failed (gave up; see lastError).</summary>
    [AllowedValues(DeliveryState.Pending, DeliveryState.Delivered, DeliveryState.Failed)]
    [JsonPropertyName("state")]
    public string State { get; set; } = DeliveryState.Pending;

    /// <summary>Delivery attempts made so far.</summary>
    [JsonPropertyName("attempts")]
    public int Attempts { get; set; }

    /// <summary>Why the last attempt failed, in words.</summary>
    [JsonPropertyName("lastError")]
    public string? LastError { get; set; }

    /// <summary>When the channel accepted the notification.</summary>
    [JsonPropertyName("deliveredAt")]
    public DateTime? DeliveredAt { get; set; }
}
