using System.Text.Json.Serialization;

namespace NetworkMachinery.Operator.Tests.Runtime.Support;

public sealed class WidgetStatus
{
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
