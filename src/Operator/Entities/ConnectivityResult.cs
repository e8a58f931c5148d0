using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace NetworkMachinery.Operator.Entities;

/// <summary>What the probes from one source to one resolved destination target found.</summary>
public sealed class ConnectivityResult
{
    /// <summary>The source: namespace/name of a pod, node/NAME, or host.</summary>
    [JsonPropertyName("source")]
    public string Source { get; set; } = "";

    /// <summary>The source's IP address the probes left from.</summary>
    [JsonPropertyName("sourceIP")]
    public string? SourceIP { get; set; }

    /// <summary>The destination entry the target came from: kind/namespace/name for a pod or service, node/NAME, ip/ADDRESS or dns/HOST.</summary>
    [JsonPropertyName("destination")]
    public string Destination { get; set; } = "";

    /// <summary>The address probed: an IP, with :port at layer 4 (IPv6 in brackets); for a DNS name, the name until the source resolved it.</summary>
    [JsonPropertyName("target")]
    public string Target { get; set; } = "";

    /// <summary>Pending (not probed yet), Reachable, Refused (reset or ICMP port-unreachable), Timeout (no answer), Unreachable (no route; ICMP host or network unreachable) or Error (the probe could not run; see error).</summary>
    [AllowedValues(ProbeVerdict.Pending, ProbeVerdict.Reachable, ProbeVerdict.Refused, ProbeVerdict.Timeout, ProbeVerdict.Unreachable, ProbeVerdict.Error)]
    [JsonPropertyName("verdict")]
    public string Verdict { get; set; } = ProbeVerdict.Pending;

    /// <summary>The shortest round-trip time of the answered probes, in milliseconds.</summary>
    [JsonPropertyName("rttMinMs")]
    public double? RttMinMs { get; set; }

    /// <summary>The mean round-trip time of the answered probes, in milliseconds.</summary>
    [JsonPropertyName("rttAvgMs")]
    public double? RttAvgMs { get; set; }

    /// <summary>The longest round-trip time of the answered probes, in milliseconds.</summary>
    [JsonPropertyName("rttMaxMs")]
    public double? RttMaxMs { get; set; }

    /// <summary>The share of probes without an answer, 0 to 100.</summary>
    [JsonPropertyName("lossPercent")]
    public double? LossPercent { get; set; }

    /// <summary>Probes sent.</summary>
    [JsonPropertyName("sent")]
    public int? Sent { get; set; }

    /// <summary>Probes answered.</summary>
    [JsonPropertyName("received")]
    public int? Received { get; set; }

    /// <summary>HTTP and HTTPS probes: the status code of the response.</summary>
    [JsonPropertyName("httpStatus")]
    public int? HttpStatus { get; set; }

    /// <summary>With spec.pathMTU: the largest IP packet, in bytes, that reached the target with Don't Fragment set.</summary>
    [JsonPropertyName("pathMTU")]
    public int? PathMTU { get; set; }

    /// <summary>Why the probe could not run or the target was not reached, in words.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; set; }

    /// <summary>Whether the verdict met the expectation (spec.expect, or Reachable when it is left out); empty while pending.</summary>
    [JsonPropertyName("expected")]
    public bool? Expected { get; set; }

    /// <summary>When the last probe of this result finished.</summary>
    [JsonPropertyName("finishedAt")]
    public DateTime? FinishedAt { get; set; }
}
