using System.Text.Json.Serialization;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Netm.Probe;

/// <summary>The JSON of <c>netm probe --json</c>: status rows as the custom resource's status spells them.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConnectivityResult))]
internal sealed partial class ProbeJsonContext : JsonSerializerContext;
