using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s.Models;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>One pod by name, or every pod a label selector matches, in one namespace.</summary>
public class PodTarget
{
    /// <summary>The pod's name. Give either name or selector.</summary>
    [Size(Maximum = 253)]
    [RegularExpression(Patterns.DnsSubdomain)]
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Selects every pod whose labels match. Give either name or selector.</summary>
    [JsonPropertyName("selector")]
    public V1LabelSelector? Selector { get; set; }

    /// <summary>The namespace of the pod or pods; the object's own namespace when left out.</summary>
    [Size(Maximum = 63)]
    [RegularExpression(Patterns.DnsLabel)]
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    /// <summary>The container to act in; the pod's first container when left out.</summary>
    [Size(Maximum = 63)]
    [RegularExpression(Patterns.DnsLabel)]
    [JsonPropertyName("container")]
    public string? Container { get; set; }
}
