using System.Text.Json.Serialization;
using k8s.Models;

namespace NetworkMachinery.Operator.Admission;

/// <summary>The webhook's verdict on one admission request.</summary>
internal sealed class AdmissionResponse
{
    /// <summary>The request's <see cref="AdmissionRequest.Uid"/>; the API server refuses an answer with another.</summary>
    [JsonPropertyName("uid")]
    public string? Uid { get; set; }

    /// <summary>Whether the request may go ahead.</summary>
    [JsonPropertyName("allowed")]
    public bool Allowed { get; set; }

    /// <summary>Why it may not: the API server returns this Status to the client, its message prefixed with the webhook's name.</summary>
    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public V1Status? Status { get; set; }

    /// <summary>Warnings the API server passes on to the client (kubectl prints them), allowed or not.</summary>
    [JsonPropertyName("warnings")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<string>? Warnings { get; set; }
}
