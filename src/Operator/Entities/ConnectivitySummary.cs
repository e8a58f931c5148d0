using System.Text.Json.Serialization;

namespace NetworkMachinery.Operator.Entities;

/// <summary>Counts over the results of a connectivity test's last run.</summary>
public sealed class ConnectivitySummary
{
    /// <summary>Results in the last run: one per source and resolved destination target.</summary>
    [JsonPropertyName("destinations")]
    public int Destinations { get; set; }

    /// <summary>Results whose target answered (verdict Reachable).</summary>
    [JsonPropertyName("reachable")]
    public int Reachable { get; set; }

    /// <summary>Results whose target did not answer or refused (verdicts Refused, Timeout, Unreachable).</summary>
    [JsonPropertyName("unreachable")]
    public int Unreachable { get; set; }

    /// <summary>Results whose probe could not be run (verdict Error).</summary>
    [JsonPropertyName("errors")]
    public int Errors { get; set; }

    /// <summary>Results that met the expectation: spec.expect, or Reachable when it is left out.</summary>
    [JsonPropertyName("passed")]
    public int Passed { get; set; }

    /// <summary>Results that did not meet the expectation, errors included.</summary>
    [JsonPropertyName("failed")]
    public int Failed { get; set; }
}
