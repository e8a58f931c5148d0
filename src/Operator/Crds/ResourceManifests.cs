using System.Reflection;
using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Operator.Crds;

/// <summary>
/// Reads manifests of the project's kinds as people write them for kubectl, for the commands that take the same YAML
/// without a cluster (<c>netm probe -f</c>). Unknown fields are refused, as the API server's schema refuses them.
/// </summary>
public static class ResourceManifests
{
    private static readonly Dictionary<string, Type> Types = CustomResourceDefinitions.Kinds.ToDictionary(
        type => NetworkMachineryApi.ApiVersion + "/" + type.GetCustomAttribute<KubernetesEntityAttribute>()!.Kind);

    /// <summary>Every document of <paramref name="yaml"/>, each as its kind's model.</summary>
    /// <exception cref="YamlDotNet.Core.YamlException">A document is not YAML, has an unknown apiVersion/kind or an unknown field.</exception>
    public static IReadOnlyList<object> LoadAll(string yaml) => KubernetesYaml.LoadAllFromString(yaml, Types, strict: true);
}
