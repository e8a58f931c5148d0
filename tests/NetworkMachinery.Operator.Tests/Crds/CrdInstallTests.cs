using System.Text.Json;
using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Tests.Examples;
using NetworkMachinery.Operator.Tests.ApiServer;
using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Processes;
using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Operator.Tests.Crds;

/// <summary>
/// The checked-in CRDs and examples as a user applies them, with kubectl, to the shared real kube-apiserver: the CRDs
/// establish, every example is accepted with its defaults filled in, and the schema refuses malformed objects with
/// the field named.
/// </summary>
[Collection(ApiServerTests.Collection)]
public sealed class CrdInstallTests(KubeApiServerFixture kube)
{
    private static readonly string Examples = Path.Combine(RepositoryPaths.Root, "examples");

    [Fact]
    public async Task ApplyCrdsAndExamples_ExamplesAreAcceptedWithDefaults()
    {
        await InstallCrdsAsync();
        try
        {
            var applied = await KubectlAsync(["apply", "-R", "-f", Examples]);
            Assert.Equal(0, applied.ExitCode);

            var objects = Directory.GetFiles(Examples, "*.yaml", SearchOption.AllDirectories)
                .SelectMany(file => ResourceYaml.LoadAll(File.ReadAllText(file)))
                .Select(resource => ((IKubernetesObject<V1ObjectMeta>)resource).Metadata.Name)
                .Order(StringComparer.Ordinal);
            var listed = await KubectlAsync(["get", "networkmachinery", "-n", "default", "-o", "jsonpath={.items[*].metadata.name}"]);
            Assert.Equal(objects, listed.StandardOutput.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

            // The example leaves count, interval and timeout out: the apiserver fills in the schema's defaults.
            var smokeping = JsonDocument.Parse((await KubectlAsync(["get", "nct", "smokeping", "-n", "default", "-o", "json"])).StandardOutput).RootElement.GetProperty("spec");
            Assert.Equal((3, "1s", "5s"), (smokeping.GetProperty("count").GetInt32(), smokeping.GetProperty("interval").GetString(), smokeping.GetProperty("timeout").GetString()));
        }
        finally
        {
            await KubectlAsync(["delete", "-R", "-f", Examples, "--ignore-not-found", "--wait=false"]);
        }
    }

    [Theory]
    [InlineData("count: 0", "spec.count")]
    [InlineData("count: 1000", "spec.count")]
    [InlineData("interval: soon", "spec.interval")]
    public async Task ApplyMalformedTest_SchemaRefusesItNamingTheField(string field, string path)
    {
        await InstallCrdsAsync();
        var manifest = $"""
            apiVersion: networkmachinery.io/v1alpha1
            kind: NetworkConnectivityTest
            metadata:
              name: malformed-{Guid.NewGuid():N}
              namespace: default
            spec:
              layer: "3"
              {field}
              destinations:
                - kind: ip
                  ip: 10.0.0.1
            """;

        var result = await KubectlAsync(["apply", "-f", "-"], manifest);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(path, result.StandardError, StringComparison.Ordinal);
    }

    private Task InstallCrdsAsync() => ClusterCrds.InstallAsync(kube.Server);

    private Task<ProcessResult> KubectlAsync(IEnumerable<string> arguments, string? input = null) => ClusterCrds.KubectlAsync(kube.Server, arguments, input);
}
