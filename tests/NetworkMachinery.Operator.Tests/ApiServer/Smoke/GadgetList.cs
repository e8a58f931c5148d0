using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace NetworkMachinery.Operator.Tests.ApiServer.Smoke;

/// <summary>A list of <see cref="Gadget"/>s, as the apiserver returns it.</summary>
public sealed class GadgetList : IKubernetesObject<V1ListMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<Gadget> Items { get; set; } = [];
}
