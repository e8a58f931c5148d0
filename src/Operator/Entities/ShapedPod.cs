using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace NetworkMachinery.Operator.Entities;

/// <summary>The shaping state of one pod a traffic shaper targets.</summary>
public sealed class ShapedPod
{
    /// <summary>The pod, as namespace/name.</summary>
    [JsonPropertyName("pod")]
    public string Pod { get; set; } = "";

    /// <summary>The node the pod runs on.</summary>
    [JsonPropertyName("node")]
    public string? Node { get; set; }

    /// <summary>The interface shaped.</summary>
    [JsonPropertyName("device")]
    public string? Device { get; set; }

    /// <summary>Pending (not applied yet), Applied, Removed (after spec.duration, or the pod is gone) or Failed (see message).</summary>
    [AllowedValues(ShapingState.Pending, ShapingState.Applied, ShapingState.Removed, ShapingState.Failed)]
    [JsonPropertyName("state")]
    public string State { get; set; } = ShapingState.Pending;

    /// <summary>When the shaping was last put in place on this pod.</summary>
    [JsonPropertyName("appliedAt")]
    public DateTime? AppliedAt { get; set; }

    /// <summary>Why the state is Failed, in words.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
