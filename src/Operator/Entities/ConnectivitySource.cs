using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>
/// Where the probes of a connectivity test start: one pod (name), every pod a label selector matches (selector), or
/// the host network of one node (node). Give exactly one of the three.
/// </summary>
public sealed class ConnectivitySource : PodTarget
{
    /// <summary>Probe from this node's host network instead of a pod. Give only one of name, selector and node.</summary>
    [Size(Maximum = 253)]
    [RegularExpression(Patterns.DnsSubdomain)]
    [JsonPropertyName("node")]
    public string? Node { get; set; }
}
