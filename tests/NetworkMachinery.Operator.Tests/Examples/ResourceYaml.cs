using k8s;
using NetworkMachinery.Operator.Crds;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Operator.Tests.Examples;

/// <summary>Reads manifests of the four kinds the way kubectl users write them, refusing unknown fields.</summary>
internal static class ResourceYaml
{
    private static readonly Dictionary<string, Type> Types = CustomResourceDefinitions.Kinds.ToDictionary(
        type => NetworkMachineryApi.ApiVersion + "/" + ((k8s.IKubernetesObject)Activator.CreateInstance(type)!).Kind);

    /// <summary>Every document of <paramref name="yaml"/>, each as its kind's model.</summary>
    public static IReadOnlyList<object> LoadAll(string yaml) => KubernetesYaml.LoadAllFromString(yaml, Types, strict: true);

    /// <summary>One object of <paramref name="kind"/> named test in namespace default, with <paramref name="spec"/> (YAML, unindented) as its spec.</summary>
    public static object Object(string kind, string spec)
    {
        var indented = string.Join('\n', spec.Trim('\n').Split('\n').Select(line => "  " + line));
        return Assert.Single(LoadAll($"apiVersion: {NetworkMachineryApi.ApiVersion}\nkind: {kind}\nmetadata:\n  name: test\n  namespace: default\nspec:\n{indented}\n"));
    }
}
