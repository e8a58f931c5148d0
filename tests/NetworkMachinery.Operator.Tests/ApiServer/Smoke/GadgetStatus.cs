using System.Text.Json.Serialization;

namespace NetworkMachinery.Operator.Tests.ApiServer.Smoke;

public sealed class GadgetStatus
{
    [JsonPropertyName("phase")]
    public string? Phase { get; set; }
}
