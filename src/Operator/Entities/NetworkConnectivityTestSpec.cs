using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>What to probe, from where, how often, and what outcome to expect.</summary>
public sealed class NetworkConnectivityTestSpec
{
    /// <summary>
    /// "3" sends ICMP echo requests (ping) and takes no ports; "4" connects to a TCP or UDP port and needs a port on
    /// every destination.
    /// </summary>
    [Required]
    [AllowedValues(ConnectivityLayer.Network, ConnectivityLayer.Transport)]
    [JsonPropertyName("layer")]
    public string Layer { get; set; } = "";

    /// <summary>
    /// Where the probes start: a pod (name), every pod a label selector matches (selector), or a node's host network
    /// (node). Leave it out to probe from the host network of a node the operator picks.
    /// </summary>
    [JsonPropertyName("source")]
    public ConnectivitySource? Source { get; set; }

    /// <summary>Where the probes go: 1 to 100 entries, each a pod, IP address, service, DNS name or node.</summary>
    [Required]
    [Size(Minimum = 1, Maximum = 100)]
    [JsonPropertyName("destinations")]
    public IList<ConnectivityDestination> Destinations { get; set; } = [];

    /// <summary>Probes sent to each target per run (pings at layer 3, connection attempts at layer 4): 1 to 100.</summary>
    [DefaultValue(3)]
    [Range(1, 100)]
    [JsonPropertyName("count")]
    public int Count { get; set; } = 3;

    /// <summary>Time between two probes to one target, a duration such as 1s or 200ms; at least 10ms.</summary>
    [DefaultValue("1s")]
    [Duration(Minimum = "10ms")]
    [JsonPropertyName("interval")]
    public string Interval { get; set; } = "1s";

    /// <summary>How long one probe waits for its answer before it counts as lost, a duration such as 5s; more than zero.</summary>
    [DefaultValue("5s")]
    [Duration(Minimum = "1ms")]
    [JsonPropertyName("timeout")]
    public string Timeout { get; set; } = "5s";

    /// <summary>
    /// Bytes of payload in each ICMP echo request at layer 3 (56 makes the 84-byte IPv4 packet ping sends) or in each
    /// UDP datagram at layer 4: 0 to 65000.
    /// </summary>
    [DefaultValue(56)]
    [Range(0, 65000)]
    [JsonPropertyName("payloadSize")]
    public int PayloadSize { get; set; } = 56;

    /// <summary>
    /// Layer 3 only: also find each target's path MTU, the largest IP packet that reaches it with Don't Fragment set,
    /// to catch MTU mismatches such as an overlay that eats into the packet size.
    /// </summary>
    [JsonPropertyName("pathMTU")]
    public bool? PathMTU { get; set; }

    /// <summary>Re-run the test periodically. Leave it out to run once for each change of the spec.</summary>
    [JsonPropertyName("schedule")]
    public ConnectivitySchedule? Schedule { get; set; }

    /// <summary>
    /// The outcome every result must have for the test to succeed: Reachable, or Unreachable to assert that a network
    /// policy blocks the traffic. Leave it out to report reachability without asserting it.
    /// </summary>
    [AllowedValues(ExpectedOutcome.Reachable, ExpectedOutcome.Unreachable)]
    [JsonPropertyName("expect")]
    public string? Expect { get; set; }
}
