using Xunit;
using NetworkMachinery.Testing.Processes;
using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Testing.Kubernetes;

/// <summary>Installs the checked-in CRDs (the chart's deploy/helm/networkmachinery/crds) into a real apiserver the way a user does, with kubectl, and waits until they are established.</summary>
public static class ClusterCrds
{
    /// <summary>The chart's CRD directory.</summary>
    public static readonly string Directory = RepositoryPaths.Crds;

    /// <summary>kubectl apply, then wait until every CRD is Established.</summary>
    public static async Task InstallAsync(KubeApiServer server)
    {
        var installed = await KubectlAsync(server, ["apply", "-f", Directory]);
        Assert.True(installed.ExitCode == 0, installed.StandardError);
        var established = await KubectlAsync(server, ["wait", "--for", "condition=Established", "--timeout", "60s", "-f", Directory]);
        Assert.True(established.ExitCode == 0, established.StandardError);
    }

    /// <summary>kubectl against <paramref name="server"/>; the result whatever the exit code.</summary>
    public static Task<ProcessResult> KubectlAsync(KubeApiServer server, IEnumerable<string> arguments, string? input = null) =>
        ProcessRunner.RunAsync(
            "kubectl",
            ["--kubeconfig", server.KubeconfigPath, .. arguments],
            new ProcessOptions { ThrowOnFailure = false, Timeout = TimeSpan.FromSeconds(90), StandardInput = input });
}
