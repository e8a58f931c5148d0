using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace NetworkMachinery.Operator.Entities;

/// <summary>
/// What every Network Machinery custom resource has: <c>apiVersion</c>, <c>kind</c>, <c>metadata</c>, a <c>spec</c>
/// the user writes and a <c>status</c> the operator writes (through the status subresource).
/// </summary>
/// <typeparam name="TSpec">The desired state.</typeparam>
/// <typeparam name="TStatus">The observed state.</typeparam>
public abstract class CustomResource<TSpec, TStatus> : IKubernetesObject<V1ObjectMeta>, ISpec<TSpec>, IStatus<TStatus>
    where TSpec : new()
    where TStatus : new()
{
    /// <summary>Creates an object of the given kind in <see cref="NetworkMachineryApi.ApiVersion"/>.</summary>
    /// <param name="kind">The kind, as the derived type's <see cref="KubernetesEntityAttribute"/> names it.</param>
    protected CustomResource(string kind)
    {
        ApiVersion = NetworkMachineryApi.ApiVersion;
        Kind = kind;
    }

    /// <summary>The versioned schema of this representation of an object.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; }

    /// <summary>The REST resource this object represents.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; }

    /// <summary>Standard object metadata: name, namespace, labels, generation.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The desired state, written by the user.</summary>
    [Required]
    [JsonPropertyName("spec")]
    public TSpec Spec { get; set; } = new();

    /// <summary>The observed state, written by the operator.</summary>
    [JsonPropertyName("status")]
    public TStatus Status { get; set; } = new();
}
