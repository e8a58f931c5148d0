using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace NetworkMachinery.Operator.Tests.ApiServer.Smoke;

/// <summary>The custom object of the smoke tests' resource (<see cref="GadgetDefinition"/>).</summary>
public sealed class Gadget : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = $"{GadgetDefinition.Group}/{GadgetDefinition.Version}";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = GadgetDefinition.Kind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public GadgetSpec? Spec { get; set; }

    [JsonPropertyName("status")]
    public GadgetStatus? Status { get; set; }

    public static Gadget Named(string name, int size) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = GadgetDefinition.Namespace },
        Spec = new GadgetSpec { Size = size },
    };
}
