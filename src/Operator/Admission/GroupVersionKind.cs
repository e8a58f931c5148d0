using System.Text.Json.Serialization;

namespace NetworkMachinery.Operator.Admission;

/// <summary>A kind with its API group and version, as admission requests name the object's type.</summary>
internal sealed class GroupVersionKind
{
    /// <summary>The API group, empty for core kinds.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary>The version, such as v1alpha1.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>The kind, such as NetworkConnectivityTest.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <inheritdoc/>
    public override string ToString() => string.IsNullOrEmpty(Group) ? $"{Version}/{Kind}" : $"{Group}/{Version}/{Kind}";
}
