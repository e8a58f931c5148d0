using System.Globalization;
using NetworkMachinery.Netm.DevCluster.Deploy;
using NetworkMachinery.Netm.DevCluster.Node;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary><c>netm devcluster deploy</c>.</summary>
internal sealed partial class LocalCluster
{
    /// <summary>The manifest <c>deploy</c> applied last, kept in the state directory for the user to read.</summary>
    private string DeployedManifest => Path.Combine(files.Directory, "deployed.yaml");

    /// <summary>
    /// Installs Network Machinery on the running cluster's node: imports the netm image into the node's containerd
    /// (building it when it is not cached), applies deploy/install.yaml and waits until the operator and the collector
    /// (and the prober) are rolled out. With <paramref name="withKafka"/> (or when an earlier deploy added it) it first
    /// starts a Kafka on the node, which then starts and stops with the cluster, and applies the chart with it, which
    /// adds the prober.
    /// </summary>
    /// <param name="withKafka">Run a Kafka on the node and connect the components through it.</param>
    /// <param name="timeout">How long each workload may take to roll out.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="DevClusterException">The cluster is not up with a node, an image or the manifest did not build, or a workload did not roll out.</exception>
    public async Task DeployAsync(bool withKafka, TimeSpan timeout, CancellationToken cancellationToken)
    {
        RefuseForeignDirectory();
        var recorded = DevClusterSettings.Read(files.Settings) ?? throw new DevClusterException(NothingUp);
        if (!recorded.Node)
        {
            throw new DevClusterException(
                $"the dev cluster in {files.Directory} has no node (it was started with --control-plane-only), so nothing deployed could run: " +
                $"stop it with `{Command("down")}` and start it again with `{Command("up")}`.");
        }

        if (RecordedComponents().FirstOrDefault(component => Record(component) is not { IsRunning: true }) is { } stopped)
        {
            throw new DevClusterException($"{stopped.Name} of the dev cluster in {files.Directory} is not running: start it with `{Command("up")}` first.");
        }

        var settings = recorded with { Kafka = recorded.Kafka || withKafka };
        if (settings.Kafka && !recorded.Kafka)
        {
            await StartKafkaAsync(settings, cancellationToken);
        }

        await images.ImportDeployedAsync(new NodeFiles(files).ContainerdSocket, log, cancellationToken);
        await InstallManifest.WriteAsync(binaries.CheckoutRoot, settings.Kafka, DeployedManifest, cancellationToken);
        await log.WriteLineAsync($"netm devcluster: applying {(settings.Kafka ? "the chart with the node's Kafka" : "deploy/install.yaml")} ({DeployedManifest})");
        await Kubectl(["apply", "-f", DeployedManifest], cancellationToken);
        foreach (var workload in InstallManifest.Workloads(settings.Kafka))
        {
            await log.WriteLineAsync($"netm devcluster: waiting for {workload} to roll out");
            var rollout = await HostCommand.TryRunAsync(
                "kubectl",
                KubectlArguments(["-n", InstallManifest.Namespace, "rollout", "status", workload, $"--timeout={timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)}s"]),
                cancellationToken);
            if (!rollout.Succeeded)
            {
                throw new DevClusterException(
                    $"{workload} did not roll out within {timeout.TotalSeconds:0} s: {rollout.Error.Trim()}\n" +
                    $"See why with: kubectl --kubeconfig {files.Kubeconfig} -n {InstallManifest.Namespace} describe pods");
            }
        }

        await log.WriteLineAsync(
            $"netm devcluster: Network Machinery runs in the namespace {InstallManifest.Namespace}" +
            (settings.Kafka ? $", with Kafka at {NodeKafka.BootstrapServers}" : " (no prober: that takes --kafka)"));
    }

    private async Task StartKafkaAsync(DevClusterSettings settings, CancellationToken cancellationToken)
    {
        // Recorded first, so that `down` stops what starts even when this command does not live to finish.
        await settings.WriteAsync(files.Settings, cancellationToken);
        var plane = Plane(files, settings, AdminCredentials.ReadToken(files) ?? throw new DevClusterException(NothingUp));
        var started = new List<ProcessRecord>();
        try
        {
            foreach (var component in ControlPlaneComponents.Kafka(Kafka))
            {
                await BringUpAsync(component, plane, started, cancellationToken);
            }
        }
        catch
        {
            foreach (var record in Enumerable.Reverse(started))
            {
                await DetachedProcess.StopAsync(record, StopGrace);
            }

            throw;
        }
    }

    private Task<string> Kubectl(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        HostCommand.RunAsync("kubectl", KubectlArguments(arguments), cancellationToken);

    private string[] KubectlArguments(IReadOnlyList<string> arguments) => ["--kubeconfig", files.Kubeconfig, .. arguments];
}
