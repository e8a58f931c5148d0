using NetworkMachinery.Operator.Crds;
using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Operator.Tests.Crds;

/// <summary>The checked-in CRD manifests are exactly what the C# models generate now.</summary>
public sealed class CrdDriftTests
{
    private const string Fix = "The CRD manifests are out of date with the C# models; run make manifests (./netm crds --output deploy/helm/networkmachinery/crds) and commit the result.";

    private static readonly string Directory = Path.Combine(RepositoryPaths.Root, "deploy", "helm", "networkmachinery", "crds");

    [Fact]
    public void CheckedInManifests_EqualTheGeneratedOnes()
    {
        foreach (var definition in CustomResourceDefinitions.BuildAll())
        {
            var path = Path.Combine(Directory, CrdManifests.FileName(definition));
            Assert.True(File.Exists(path), $"{path} is missing. {Fix}");
            Assert.True(File.ReadAllText(path) == CrdManifests.ToYaml(definition), $"{path} differs. {Fix}");
        }
    }

    [Fact]
    public void ManifestDirectory_HoldsNoOtherFiles()
    {
        var expected = CustomResourceDefinitions.BuildAll().Select(CrdManifests.FileName).Order(StringComparer.Ordinal);
        var actual = System.IO.Directory.GetFiles(Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.True(expected.SequenceEqual(actual), $"The chart's crds/ holds files no kind generates (a renamed or removed kind?): {string.Join(", ", actual)}. Delete them and {Fix}");
    }
}
