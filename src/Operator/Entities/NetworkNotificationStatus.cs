using System.Text.Json.Serialization;
using k8s.Models;

namespace NetworkMachinery.Operator.Entities;

/// <summary>Where the notification has been delivered, written by the operator.</summary>
public sealed class NetworkNotificationStatus
{
    /// <summary>The metadata.generation of the spec the status describes.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>Standard conditions: Delivered (every channel has the notification; False with reason DeliveryFailed when one gave up).</summary>
    [JsonPropertyName("conditions")]
    public IList<V1Condition> Conditions { get; set; } = [];

    /// <summary>One entry per channel of the monitor that the threshold notifies.</summary>
    [JsonPropertyName("deliveries")]
    public IList<ChannelDelivery> Deliveries { get; set; } = [];
}
