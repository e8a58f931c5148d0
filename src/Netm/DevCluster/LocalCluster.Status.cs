using NetworkMachinery.Netm.DevCluster.Node;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary><c>netm devcluster status</c> and <c>netm devcluster kubeconfig</c>.</summary>
internal sealed partial class LocalCluster
{
    /// <summary>
    /// Writes what runs to <paramref name="output"/>: each component's PID, endpoint and health. Returns true when every
    /// component runs and is healthy.
    /// </summary>
    public async Task<bool> StatusAsync(TextWriter output, CancellationToken cancellationToken)
    {
        RefuseForeignDirectory();
        if (DevClusterSettings.Read(files.Settings) is not { } settings)
        {
            await log.WriteLineAsync($"netm devcluster: {NothingUp}");
            return false;
        }

        // Without a token (after down --keep-data) the apiserver cannot be asked, and it does not run either.
        var plane = Plane(files, settings, AdminCredentials.ReadToken(files) ?? "");
        var healthy = true;
        await output.WriteLineAsync($"{"state directory",-16} {files.Directory}");
        foreach (var component in Components(settings))
        {
            var record = Record(component);
            string state;
            if (record is { IsRunning: true })
            {
                using var probe = component.CreateProbe(plane);
                var ok = await probe.IsHealthyAsync(cancellationToken);
                healthy &= ok;
                state = $"PID {record.Pid,-8} {(ok ? "healthy" : "unhealthy")}";
            }
            else
            {
                healthy = false;
                state = "not running";
            }

            await output.WriteLineAsync($"{component.Name,-16} {state,-22} {component.Endpoint(plane)}");
        }

        if (File.Exists(files.Kubeconfig))
        {
            await output.WriteLineAsync($"{"kubeconfig",-16} {files.Kubeconfig}");
        }

        if (!healthy)
        {
            await log.WriteLineAsync($"netm devcluster: not every component is healthy; `{Command("up")}` starts what is missing, the logs are in {files.LogDirectory}");
        }

        return healthy;
    }

    /// <summary>The kubeconfig's path, when the cluster runs.</summary>
    /// <exception cref="DevClusterException">No cluster is up, or its processes are gone (a reboot); the message says what to run.</exception>
    public string RunningKubeconfig()
    {
        RefuseForeignDirectory();
        if (!HasSettings || !File.Exists(files.Kubeconfig))
        {
            throw new DevClusterException(NothingUp + ".");
        }

        if (RecordedComponents().FirstOrDefault(component => Record(component) is not { IsRunning: true }) is { } stopped)
        {
            throw new DevClusterException(
                $"the dev cluster in {files.Directory} is not running ({stopped.Name} is not, perhaps after a reboot): `{Command("up")}` starts it again on the same data.");
        }

        return files.Kubeconfig;
    }

    /// <summary>Keeps the cluster DNS's Service and its records of the Services current until cancelled (the detached <c>cluster-dns</c> process).</summary>
    /// <exception cref="DevClusterException">The state directory has no cluster with a node.</exception>
    public Task ServeClusterDnsAsync(CancellationToken cancellationToken)
    {
        RefuseForeignDirectory();
        if (DevClusterSettings.Read(files.Settings) is not { Node: true } settings || AdminCredentials.ReadToken(files) is not { } token)
        {
            throw new DevClusterException($"no dev cluster with a node is up in {files.Directory}.");
        }

        return ServiceRecords.RunAsync(Plane(files, settings, token), log, cancellationToken);
    }
}
