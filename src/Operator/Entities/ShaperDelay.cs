using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>Added delay (netem delay TIME [JITTER [CORRELATION]]).</summary>
public sealed class ShaperDelay
{
    /// <summary>The delay added to every packet, a duration such as 200ms.</summary>
    [Required]
    [Duration(Minimum = "1us")]
    [JsonPropertyName("latency")]
    public string Latency { get; set; } = "";

    /// <summary>Random variation of the delay, plus or minus, a duration such as 20ms; no more than the latency.</summary>
    [Duration]
    [JsonPropertyName("jitter")]
    public string? Jitter { get; set; }

    /// <summary>How much each packet's jitter depends on the previous packet's, 0 to 100 percent.</summary>
    [Range(0.0, 100.0)]
    [JsonPropertyName("correlation")]
    public double? Correlation { get; set; }
}
