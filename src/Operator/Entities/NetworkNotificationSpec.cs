using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>Which threshold of which monitor was crossed, by what, and by whom.</summary>
public sealed class NetworkNotificationSpec
{
    /// <summary>The name of the NetworkMonitor, in the notification's namespace.</summary>
    [Required]
    [Size(Maximum = 253)]
    [RegularExpression(Patterns.DnsSubdomain)]
    [JsonPropertyName("monitor")]
    public string Monitor { get; set; } = "";

    /// <summary>The name of the monitor's threshold that was crossed.</summary>
    [Required]
    [Size(Maximum = 63)]
    [RegularExpression(Patterns.DnsLabel)]
    [JsonPropertyName("threshold")]
    public string Threshold { get; set; } = "";

    /// <summary>The crossing.</summary>
    [Required]
    [JsonPropertyName("event")]
    public NotificationEvent Event { get; set; } = new();

    /// <summary>For a threshold with byFlow, the flow key that crossed it: each key field of the flow (such as srcAddr) with its value.</summary>
    [Size(Maximum = 10)]
    [JsonPropertyName("flowKey")]
    public IDictionary<string, string> FlowKey { get; set; } = new Dictionary<string, string>();

    /// <summary>The largest flows behind the value when the event started, largest first: up to 20.</summary>
    [Size(Maximum = 20)]
    [JsonPropertyName("topTalkers")]
    public IList<TopTalker> TopTalkers { get; set; } = [];
}
