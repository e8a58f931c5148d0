using System.Text.Json.Serialization;

namespace NetworkMachinery.Operator.Tests.Runtime.Support;

public sealed class WidgetSpec
{
    [JsonPropertyName("color")]
    public string? Color { get; set; }
}
