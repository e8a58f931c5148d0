using System.Diagnostics;
using NetworkMachinery.Netm.DevCluster.Node;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary><c>netm devcluster up</c>.</summary>
internal sealed partial class LocalCluster
{
    /// <summary>
    /// Brings every component up and returns the kubeconfig's path once the apiserver is ready (and, with a node, once
    /// the node is Ready and the cluster DNS answers). A component that runs already is kept; one that does not (never
    /// started, or gone with a reboot) is started on the same data. The binaries are built first when they are missing.
    /// When a component fails to start, those this call started are stopped again; the logs stay.
    /// </summary>
    /// <param name="requested">The ports asked for.</param>
    /// <param name="withNode">With or without a node; null for what the state directory records, or else with one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="DevClusterException">A prerequisite is missing, a port is taken, or a component did not become healthy.</exception>
    public async Task<string> UpAsync(RequestedPorts requested, bool? withNode, CancellationToken cancellationToken)
    {
        RefuseForeignDirectory();
        var recorded = DevClusterSettings.Read(files.Settings);
        var node = withNode ?? recorded?.Node ?? true;
        // The node's Kafka goes with the node it runs on.
        var settings = new DevClusterSettings(requested.Resolve(recorded?.Ports), node, node && (recorded?.Kafka ?? false));
        if (recorded is not null && recorded != settings && RecordedComponents().Any(component => Record(component) is { IsRunning: true }))
        {
            throw new DevClusterException(
                $"the dev cluster in {files.Directory} runs with {Options(recorded)}: leave those options out, or stop it first " +
                $"with `{Command("down")}` (add --keep-data to keep its objects).");
        }

        var components = Components(settings);
        RefuseSharedPorts(settings.Ports);
        if (settings.Node)
        {
            NodePrerequisites.Require();
            await NodeOwner.ClaimAsync(files, cancellationToken);
        }

        RefuseTakenPorts(components, settings.Ports);
        await ComponentBuild.EnsureAsync(components, binaries, log, cancellationToken);

        PrivateFile.CreateDirectory(files.Directory);
        Directory.CreateDirectory(files.LogDirectory);
        Directory.CreateDirectory(files.RunDirectory);
        if (recorded != settings)
        {
            await settings.WriteAsync(files.Settings, cancellationToken);
        }

        if (settings.Node)
        {
            // The apiserver listens on the node's address, so the interface that holds it comes first.
            await NodeHost.SetUpAsync(new NodeFiles(files), cancellationToken);
        }

        var plane = Plane(files, settings, await CredentialsAsync(cancellationToken));
        var started = new List<ProcessRecord>();
        try
        {
            foreach (var component in components)
            {
                await BringUpAsync(component, plane, started, cancellationToken);
                if (component is ApiServerComponent)
                {
                    // The node's components use it too.
                    await Kubeconfig.WriteAsync(files.Kubeconfig, KubeconfigName, plane.ApiServer, files.ServingCertificate, plane.AdminToken, cancellationToken);
                }
            }
        }
        catch
        {
            // Half a cluster helps nobody; what ran before this call keeps running.
            foreach (var record in Enumerable.Reverse(started))
            {
                await DetachedProcess.StopAsync(record, StopGrace);
            }

            throw;
        }

        return files.Kubeconfig;
    }

    private static string Options(ControlPlanePorts ports) =>
        $"--port {ports.ApiServer} --etcd-port {ports.Etcd} --etcd-peer-port {ports.EtcdPeer}";

    private static string Options(DevClusterSettings settings) => Options(settings.Ports) + (settings.Node ? "" : " --control-plane-only");

    private static void RefuseSharedPorts(ControlPlanePorts ports)
    {
        if (new[] { ports.ApiServer, ports.Etcd, ports.EtcdPeer }.Distinct().Count() != 3)
        {
            throw new DevClusterException($"every component needs a port of its own, but {Options(ports)} share one.");
        }
    }

    /// <summary>Checks the ports of every component that is to start, before any starts: a taken one would only fail in its log.</summary>
    private void RefuseTakenPorts(IReadOnlyList<ClusterComponent> components, ControlPlanePorts ports)
    {
        var taken = components
            .Where(component => Record(component) is not { IsRunning: true })
            .SelectMany(component => component.Ports(ports).Select(port => (component.Name, port.Port, port.Option, Problem: LoopbackPort.Problem(port.Port))))
            .Where(check => check.Problem is not null)
            .Select(check => $"{ControlPlane.Address}:{check.Port} is {check.Problem}, so {check.Name} cannot listen on it: " +
                (check.Option.Length > 0 ? $"choose another port with {check.Option}" : "stop what listens there (the node's ports are fixed)"))
            .ToList();
        if (taken.Count > 0)
        {
            throw new DevClusterException(string.Join(";\n", taken) + ".");
        }
    }

    private async Task<string> CredentialsAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(files.ServiceAccountKey) || !File.Exists(files.ServiceAccountPublicKey))
        {
            await AdminCredentials.WriteServiceAccountKeysAsync(files, cancellationToken);
        }

        if (AdminCredentials.ReadToken(files) is { } token)
        {
            return token;
        }

        token = AdminCredentials.NewToken();
        await AdminCredentials.WriteTokenFileAsync(files, token, cancellationToken);
        return token;
    }

    private async Task BringUpAsync(ClusterComponent component, ControlPlane plane, List<ProcessRecord> started, CancellationToken cancellationToken)
    {
        using var probe = component.CreateProbe(plane);
        if (Record(component) is { IsRunning: true } running)
        {
            await WaitUntilHealthyAsync(component, probe, () => running.IsRunning, cancellationToken);
            await log.WriteLineAsync($"netm devcluster: {component.Name} runs (PID {running.Pid})");
            return;
        }

        await component.PrepareAsync(plane, log, cancellationToken);
        IReadOnlyList<string> commandLine = [component.Binary, .. component.Arguments(plane)];
        using var process = DetachedProcess.Start(commandLine, files.LogFile(component.Name), files.Directory);
        var record = new ProcessRecord(process.Id, commandLine);
        started.Add(record);
        await record.WriteAsync(files.ProcessRecord(component.Name), cancellationToken);

        // The handle, not the record: until sh and setsid have exec'd the binary, the PID's command line is theirs.
        var took = await WaitUntilHealthyAsync(component, probe, () => !process.HasExited, cancellationToken);
        await log.WriteLineAsync($"netm devcluster: started {component.Name} (PID {record.Pid}), healthy after {took.TotalSeconds:0.0} s");
    }

    private async Task<TimeSpan> WaitUntilHealthyAsync(ClusterComponent component, HealthProbe probe, Func<bool> isRunning, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await probe.IsHealthyAsync(cancellationToken))
        {
            if (!isRunning())
            {
                throw new DevClusterException($"{component.Name} exited before {probe.Url} answered that it is healthy.\n{Tail(component)}");
            }

            if (Stopwatch.GetElapsedTime(started) >= StartTimeout)
            {
                throw new DevClusterException($"{component.Name} was not healthy within {StartTimeout.TotalSeconds:0} s ({probe.Url}).\n{Tail(component)}");
            }

            await Task.Delay(ProbeInterval, cancellationToken);
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
