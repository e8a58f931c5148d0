using System.Text.Json.Serialization;
using k8s.Models;

namespace NetworkMachinery.Operator.Entities;

/// <summary>The outcome of a connectivity test's last run, written by the operator.</summary>
public sealed class NetworkConnectivityTestStatus
{
    /// <summary>The metadata.generation of the spec the status describes.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>
    /// Standard conditions: Succeeded (every result met the expectation), Failed (a result did not, or the test cannot
    /// run; the reason says which), Degraded (some probes could not be run, such as a source pod that is not running).
    /// </summary>
    [JsonPropertyName("conditions")]
    public IList<V1Condition> Conditions { get; set; } = [];

    /// <summary>The source of the last run: namespace/name of a pod, a selector with the number of pods it matched, or node/NAME.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; set; }

    /// <summary>When the last run finished.</summary>
    [JsonPropertyName("lastRun")]
    public DateTime? LastRun { get; set; }

    /// <summary>When the next scheduled run starts; empty when the test is not scheduled.</summary>
    [JsonPropertyName("nextRun")]
    public DateTime? NextRun { get; set; }

    /// <summary>Counts over the results of the last run.</summary>
    [JsonPropertyName("summary")]
    public ConnectivitySummary Summary { get; set; } = new();

    /// <summary>One result per source and resolved destination target of the last run.</summary>
    [JsonPropertyName("results")]
    public IList<ConnectivityResult> Results { get; set; } = [];
}
