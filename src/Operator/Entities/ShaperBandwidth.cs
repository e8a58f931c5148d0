using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>A bandwidth limit (netem rate RATE).</summary>
public sealed class ShaperBandwidth
{
    /// <summary>The most traffic per second, in tc units: bit, kbit, mbit, gbit, tbit (bits) or bps, kbps, mbps, gbps, tbps (bytes), such as 10mbit.</summary>
    [Required]
    [RegularExpression(Patterns.Rate)]
    [JsonPropertyName("rate")]
    public string Rate { get; set; } = "";
}
