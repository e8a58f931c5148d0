using System.Text.Json.Serialization;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary>The JSON of the files in a dev cluster's state directory (source-generated: netm is trimmable).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DevClusterSettings))]
[JsonSerializable(typeof(ProcessRecord))]
internal sealed partial class DevClusterJson : JsonSerializerContext;
