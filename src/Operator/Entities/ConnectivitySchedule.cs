using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using NetworkMachinery.Operator.Entities.Schema;

namespace NetworkMachinery.Operator.Entities;

/// <summary>When a connectivity test runs again after its first run.</summary>
public sealed class ConnectivitySchedule
{
    /// <summary>Time from the start of one run to the start of the next, a duration such as 30s or 5m; at least 1s.</summary>
    [Required]
    [Duration(Minimum = "1s")]
    [JsonPropertyName("every")]
    public string Every { get; set; } = "";
}
