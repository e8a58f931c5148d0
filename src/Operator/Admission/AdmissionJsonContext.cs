using System.Text.Json.Serialization;

namespace NetworkMachinery.Operator.Admission;

/// <summary>The reviews' JSON, generated at build time (the operator is trimmable).</summary>
[JsonSerializable(typeof(AdmissionReview))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class AdmissionJsonContext : JsonSerializerContext;
