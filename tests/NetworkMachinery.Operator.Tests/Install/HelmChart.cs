using NetworkMachinery.Testing.Processes;
using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Operator.Tests.Install;

/// <summary>Renders deploy/helm/networkmachinery the way a user does without helm: with scripts/helm-template.sh.</summary>
internal static class HelmChart
{
    public static readonly string Directory = Path.Combine(RepositoryPaths.Root, "deploy", "helm", "networkmachinery");

    public static readonly string InstallYaml = Path.Combine(RepositoryPaths.Root, "deploy", "install.yaml");

    // The first run on a machine installs Debian's Go and sprig and builds the renderer; later ones take milliseconds.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>The chart rendered as release <paramref name="release"/> in <paramref name="namespace"/>, with helm template's <paramref name="flags"/>.</summary>
    public static async Task<string> RenderAsync(string release, string @namespace, params string[] flags) =>
        (await RunAsync("helm-template.sh", [release, Directory, "--namespace", @namespace, .. flags])).StandardOutput;

    /// <summary>What <c>make manifests</c> writes to deploy/install.yaml.</summary>
    public static async Task<string> InstallManifestAsync() => (await RunAsync("install-manifest.sh", [])).StandardOutput;

    private static Task<ProcessResult> RunAsync(string script, IEnumerable<string> arguments) =>
        ProcessRunner.RunAsync(Path.Combine(RepositoryPaths.Root, "scripts", script), arguments, new ProcessOptions { Timeout = Timeout });
}
