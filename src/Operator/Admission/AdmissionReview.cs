using System.Text.Json.Serialization;

namespace NetworkMachinery.Operator.Admission;

/// <summary>
/// The body the API server posts to an admission webhook, and the body the webhook answers with: the same kind, with
/// <see cref="Request"/> in the question and <see cref="Response"/> in the answer. admission.k8s.io/v1 and v1beta1
/// share this shape.
/// </summary>
internal sealed class AdmissionReview
{
    /// <summary>The version v1 of the admission API.</summary>
    public const string V1 = "admission.k8s.io/v1";

    /// <summary>The version v1beta1, which API servers before 1.16 send and later ones send when a webhook asks for it.</summary>
    public const string V1Beta1 = "admission.k8s.io/v1beta1";

    /// <summary>The kind of both question and answer.</summary>
    public const string ReviewKind = "AdmissionReview";

    /// <summary>admission.k8s.io/v1 or admission.k8s.io/v1beta1; the answer repeats the question's.</summary>
    [JsonPropertyName("apiVersion")]
    public string? ApiVersion { get; set; }

    /// <summary>Always AdmissionReview.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>What the API server asks; set in the question only.</summary>
    [JsonPropertyName("request")]
    public AdmissionRequest? Request { get; set; }

    /// <summary>The webhook's verdict; set in the answer only.</summary>
    [JsonPropertyName("response")]
    public AdmissionResponse? Response { get; set; }
}
