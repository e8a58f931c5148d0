using NetworkMachinery.Operator.Crds;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Operator.Tests.Examples;

/// <summary>Reads manifests of the four kinds the way kubectl users write them, refusing unknown fields.</summary>
internal static class ResourceYaml
{
    /// <summary>Every document of <paramref name="yaml"/>, each as its kind's model.</summary>
    public static IReadOnlyList<object> LoadAll(string yaml) => ResourceManifests.LoadAll(yaml);

    /// <summary>One object of <paramref name="kind"/> with <paramref name="spec"/> (YAML, unindented) as its spec.</summary>
    public static object Object(string kind, string spec, string name = "test", string @namespace = "default")
    {
        var indented = string.Join('\n', spec.Trim('\n').Split('\n').Select(line => "  " + line));
        return Assert.Single(LoadAll($"apiVersion: {NetworkMachineryApi.ApiVersion}\nkind: {kind}\nmetadata:\n  name: {name}\n  namespace: {@namespace}\nspec:\n{indented}\n"));
    }

    /// <summary>A NetworkConnectivityTest with <paramref name="spec"/> (YAML, unindented) as its spec.</summary>
    public static V1Alpha1NetworkConnectivityTest ConnectivityTest(string spec, string name = "test", string @namespace = "default") =>
        (V1Alpha1NetworkConnectivityTest)Object(V1Alpha1NetworkConnectivityTest.KubeKind, spec, name, @namespace);
}
