using System.Text.Json.Serialization;
using k8s.Models;

namespace NetworkMachinery.Operator.Entities;

/// <summary>Where the shaping is in place, written by the operator.</summary>
public sealed class NetworkTrafficShaperStatus
{
    /// <summary>The metadata.generation of the spec the status describes.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>Standard conditions: Applied (every target pod is shaped), Degraded (some could not be), Expired (spec.duration has passed and the shaping was removed).</summary>
    [JsonPropertyName("conditions")]
    public IList<V1Condition> Conditions { get; set; } = [];

    /// <summary>How many pods are shaped now.</summary>
    [JsonPropertyName("applied")]
    public int Applied { get; set; }

    /// <summary>When the shaping is removed, if spec.duration is set.</summary>
    [JsonPropertyName("expiresAt")]
    public DateTime? ExpiresAt { get; set; }

    /// <summary>One entry per pod the targets resolved to.</summary>
    [JsonPropertyName("targets")]
    public IList<ShapedPod> Targets { get; set; } = [];
}
