using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetworkMachinery.Operator.Admission;

/// <summary>The part of an admission request the webhook reads (the API server sends more: userInfo, options, resource).</summary>
internal sealed class AdmissionRequest
{
    /// <summary>The request's id, which the answer must repeat.</summary>
    [JsonPropertyName("uid")]
    public string? Uid { get; set; }

    /// <summary>The kind of the object, as the webhook was asked to see it.</summary>
    [JsonPropertyName("kind")]
    public GroupVersionKind? Kind { get; set; }

    /// <summary>The subresource written, such as <c>status</c>; empty for the object itself.</summary>
    [JsonPropertyName("subResource")]
    public string? SubResource { get; set; }

    /// <summary>The object's name; empty on a create with generateName.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The object's namespace.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    /// <summary>CREATE, UPDATE, DELETE or CONNECT.</summary>
    [JsonPropertyName("operation")]
    public string? Operation { get; set; }

    /// <summary>The object as it would be stored; absent on DELETE.</summary>
    [JsonPropertyName("object")]
    public JsonElement? Object { get; set; }

    /// <summary>The object as stored before an UPDATE or DELETE.</summary>
    [JsonPropertyName("oldObject")]
    public JsonElement? OldObject { get; set; }
}
