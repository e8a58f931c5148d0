using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>Which pods to shape, on which interface and direction, and how: at least one of delay, loss and bandwidth.</summary>
public sealed class NetworkTrafficShaperSpec
{
    /// <summary>The pods to shape: 1 to 100 entries, each one pod by name or the pods of a label selector.</summary>
    [Required]
    [Size(Minimum = 1, Maximum = 100)]
    [JsonPropertyName("targets")]
    public IList<PodTarget> Targets { get; set; } = [];

    /// <summary>The network interface inside each pod to shape.</summary>
    [DefaultValue("eth0")]
    [RegularExpression(Patterns.InterfaceName)]
    [JsonPropertyName("device")]
    public string Device { get; set; } = "eth0";

    /// <summary>Which traffic to shape: egress (leaving the pod), ingress (arriving; shaped on an intermediate device) or both.</summary>
    [DefaultValue(ShapingDirection.Egress)]
    [AllowedValues(ShapingDirection.Egress, ShapingDirection.Ingress, ShapingDirection.Both)]
    [JsonPropertyName("direction")]
    public string Direction { get; set; } = ShapingDirection.Egress;

    /// <summary>Delay every packet.</summary>
    [JsonPropertyName("delay")]
    public ShaperDelay? Delay { get; set; }

    /// <summary>Drop a share of the packets.</summary>
    [JsonPropertyName("loss")]
    public ShaperLoss? Loss { get; set; }

    /// <summary>Limit the rate.</summary>
    [JsonPropertyName("bandwidth")]
    public ShaperBandwidth? Bandwidth { get; set; }

    /// <summary>Remove the shaping after this long, a duration such as 10m; leave it out to keep it until the object is deleted.</summary>
    [Duration(Minimum = "1s")]
    [JsonPropertyName("duration")]
    public string? Duration { get; set; }
}
