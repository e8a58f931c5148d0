using System.Text.Json.Serialization;

namespace NetworkMachinery.Operator.Tests.ApiServer.Smoke;

public sealed class GadgetSpec
{
    /// <summary>Required, at least 1 (the schema says so).</summary>
    [JsonPropertyName("size")]
    public int Size { get; set; }
}
