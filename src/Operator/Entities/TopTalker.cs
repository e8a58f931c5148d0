using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>One of the largest flows behind a notification's value.</summary>
public sealed class TopTalker
{
    /// <summary>The flow's key: each key field of the flow (such as srcAddr) with its value.</summary>
    [Size(Maximum = 10)]
    [JsonPropertyName("flowKey")]
    public IDictionary<string, string> FlowKey { get; set; } = new Dictionary<string, string>();

    /// <summary>The flow's value per second.</summary>
    [Required]
    [JsonPropertyName("value")]
    public double? Value { get; set; }
}
