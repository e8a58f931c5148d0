using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace NetworkMachinery.Operator.Entities;

/// <summary>Random packet loss (netem loss PERCENT [CORRELATION]).</summary>
public sealed class ShaperLoss
{
    /// <summary>The share of packets dropped, more than 0 and at most 100 percent.</summary>
    [Required]
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    [JsonPropertyName("percent")]
    public double? Percent { get; set; }

    /// <summary>How much each packet's chance of loss depends on the previous packet's, 0 to 100 percent.</summary>
    [Range(0.0, 100.0)]
    [JsonPropertyName("correlation")]
    public double? Correlation { get; set; }
}
