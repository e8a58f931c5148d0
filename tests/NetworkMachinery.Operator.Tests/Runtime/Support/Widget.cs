using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace NetworkMachinery.Operator.Tests.Runtime.Support;

/// <summary>The runtime tests' own tiny custom resource (<see cref="WidgetDefinition"/>): a color in, a message out.</summary>
[KubernetesEntity(Group = WidgetDefinition.Group, ApiVersion = WidgetDefinition.Version, Kind = "Widget", PluralName = "widgets")]
public sealed class Widget : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public WidgetSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public WidgetStatus? Status { get; set; }

    public static Widget Create(string @namespace, string name, string color) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace },
        Spec = new WidgetSpec { Color = color },
    };
}
