using System.ComponentModel;
using System.Diagnostics;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// Provides the binaries of components that are missing by running scripts/kube-apiserver.sh, which builds Kubernetes
/// components from Debian's kubernetes source package (about 10 minutes the first time) and installs etcd-server.
/// </summary>
internal static class ComponentBuild
{
    /// <summary>
    /// Runs the build script when a binary of <paramref name="components"/> is missing, with the script's progress on
    /// <paramref name="log"/>'s stream (netm's stderr) and its stdout (the binaries' paths) swallowed.
    /// </summary>
    /// <exception cref="DevClusterException">The script is not there or failed, or a binary is still missing after it; the message says what to run.</exception>
    public static async Task EnsureAsync(IReadOnlyList<ClusterComponent> components, KubeBinaries binaries, TextWriter log, CancellationToken cancellationToken)
    {
        var missing = components.Where(component => !File.Exists(component.Binary)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var built = missing.Where(component => component.IsBuiltFromSource).Select(component => component.Name).ToList();
        var command = string.Join(' ', built.Prepend(KubeBinaries.BuildScript));
        foreach (var component in missing)
        {
            await log.WriteLineAsync($"netm devcluster: {KubeBinaries.Missing(component)}");
        }

        await log.WriteLineAsync(
            $"netm devcluster: running {command}: it installs Debian packages and builds Kubernetes from Debian's source package, about 10 minutes the first time");
        var exitCode = await RunAsync(binaries.BuildScriptPath, built, cancellationToken);
        if (exitCode != 0)
        {
            throw new DevClusterException(
                $"{command} failed with exit code {exitCode} (its output is above); fix what it says and run `{command}` (as root, or with sudo), then this `up` again.");
        }

        if (missing.FirstOrDefault(component => !File.Exists(component.Binary)) is { } still)
        {
            throw new DevClusterException($"{KubeBinaries.Missing(still)} after {command}: {KubeBinaries.Hint([still])}.");
        }
    }

    private static async Task<int> RunAsync(string script, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new DevClusterException($"{script} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new DevClusterException($"{script} did not start ({e.Message}): run it yourself (as root, or with sudo).", e);
        }

        using (process)
        {
            // Its stdout lists the binaries' paths; netm's own stdout carries the kubeconfig's path alone.
            await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode;
        }
    }
}
