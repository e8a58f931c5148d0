using NetworkMachinery.Testing.Kubernetes;
using NetworkMachinery.Testing.Naming;

namespace NetworkMachinery.Operator.Tests.Install;

/// <summary>
/// A release of one test's own: a unique release name (which names the chart's cluster-scoped objects: roles,
/// bindings, the webhook configuration) and a unique namespace.
/// </summary>
internal sealed record TestRelease(string Name, string Namespace)
{
    public static TestRelease Create()
    {
        var id = UniqueId.Next();
        return new TestRelease($"networkmachinery-{id}", $"{UniqueId.Prefix}-install-{id}");
    }

    /// <summary>Deletes what the chart created, the CRDs (shared by every test) excepted.</summary>
    public async Task DeleteAsync(KubeApiServer server)
    {
        var manifest = await HelmChart.RenderAsync(Name, Namespace, "--set", "createNamespace=true");
        await ClusterCrds.KubectlAsync(server, ["delete", "-f", "-", "--ignore-not-found", "--wait=false"], manifest);
    }
}
