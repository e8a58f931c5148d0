using System.Text.Json.Serialization;
using k8s.Models;

namespace NetworkMachinery.Operator.Entities;

/// <summary>What the monitor is doing, written by the operator.</summary>
public sealed class NetworkMonitorStatus
{
    /// <summary>The metadata.generation of the spec the status describes.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>Standard conditions: Ready (the flows and thresholds are being evaluated), Degraded (maxKeys was reached and keys are being dropped, or a channel's Secret is missing).</summary>
    [JsonPropertyName("conditions")]
    public IList<V1Condition> Conditions { get; set; } = [];

    /// <summary>Thresholds crossed right now (per key, for thresholds with byFlow).</summary>
    [JsonPropertyName("activeEvents")]
    public int ActiveEvents { get; set; }

    /// <summary>When a threshold was last crossed.</summary>
    [JsonPropertyName("lastEventAt")]
    public DateTime? LastEventAt { get; set; }
}
