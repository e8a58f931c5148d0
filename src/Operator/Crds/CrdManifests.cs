using k8s;
using k8s.Models;

namespace NetworkMachinery.Operator.Crds;

/// <summary>The YAML manifests of the CRDs, as checked in under deploy/helm/networkmachinery/crds (the chart's crds/) and printed by <c>netm crds</c>.</summary>
public static class CrdManifests
{
    /// <summary>The first line of every manifest, so that nobody edits one by hand.</summary>
    public const string Header = "# Generated from src/Operator/Entities by `./netm crds --output deploy/helm/networkmachinery/crds`. Do not edit: change the C# models and run it again.";

    /// <summary>The manifest's file name: <c>PLURAL.GROUP.yaml</c>, the CRD's own name.</summary>
    /// <param name="definition">A definition from <see cref="CustomResourceDefinitions.BuildAll"/>.</param>
    /// <returns>The file name, without a directory.</returns>
    public static string FileName(V1CustomResourceDefinition definition) => definition.Metadata.Name + ".yaml";

    /// <summary>The manifest's text: <see cref="Header"/>, then the definition as one YAML document.</summary>
    /// <param name="definition">A definition from <see cref="CustomResourceDefinitions.BuildAll"/>.</param>
    /// <returns>YAML with Unix line ends, ending in a line end.</returns>
    public static string ToYaml(V1CustomResourceDefinition definition) =>
        Header + "\n" + KubernetesYaml.Serialize(definition).ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
}
