using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>One key of a Secret in the referring object's namespace.</summary>
public sealed class SecretKeyReference
{
    /// <summary>The Secret's name.</summary>
    [Required]
    [Size(Maximum = 253)]
    [RegularExpression(Patterns.DnsSubdomain)]
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>The key within the Secret's data.</summary>
    [Required]
    [Size(Maximum = 253)]
    [RegularExpression(Patterns.SecretKey)]
    [JsonPropertyName("key")]
    public string Key { get; set; } = "";
}
