using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>A flow definition: sampled packets grouped by their keys, each group's value summed and scaled by the sampling rate.</summary>
public sealed class MonitorFlow
{
    /// <summary>The flow's name, unique in the monitor, which thresholds refer to.</summary>
    [Required]
    [Size(Maximum = 63)]
    [RegularExpression(Patterns.DnsLabel)]
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>
    /// The packet fields that make up a flow's key, 1 to 10 distinct ones: agent, inIf, outIf, srcMac, dstMac,
    /// etype, vlan, srcAddr, dstAddr, proto, tos, srcPort, dstPort, tcpFlags, icmpType, icmpCode, vni.
    /// </summary>
    [Required]
    [Size(Minimum = 1, Maximum = 10)]
    [AllowedValues(
        FlowKey.Agent, FlowKey.InIf, FlowKey.OutIf, FlowKey.SrcMac, FlowKey.DstMac, FlowKey.Etype, FlowKey.Vlan,
        FlowKey.SrcAddr, FlowKey.DstAddr, FlowKey.Proto, FlowKey.Tos, FlowKey.SrcPort, FlowKey.DstPort,
        FlowKey.TcpFlags, FlowKey.IcmpType, FlowKey.IcmpCode, FlowKey.Vni)]
    [JsonPropertyName("keys")]
    public IList<string> Keys { get; set; } = [];

    /// <summary>What is summed per key: bytes, packets, or frames (sampled frames, unscaled).</summary>
    [DefaultValue(FlowValue.Bytes)]
    [AllowedValues(FlowValue.Bytes, FlowValue.Packets, FlowValue.Frames)]
    [JsonPropertyName("value")]
    public string Value { get; set; } = FlowValue.Bytes;

    /// <summary>Only packets that match this expression count, such as "proto == tcp and dstPort in (80, 443)" (the filter language of docs/alerting.md); every packet when left out.</summary>
    [Size(Maximum = 1024)]
    [JsonPropertyName("filter")]
    public string? Filter { get; set; }

    /// <summary>How often a long-lived flow reports its value, a duration such as 10s; at least 1s.</summary>
    [DefaultValue("10s")]
    [Duration(Minimum = "1s")]
    [JsonPropertyName("activeTimeout")]
    public string ActiveTimeout { get; set; } = "10s";
}
