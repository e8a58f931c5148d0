using NetworkMachinery.Netm.DevCluster.Node;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary><c>netm devcluster down</c>.</summary>
internal sealed partial class LocalCluster
{
    /// <summary>
    /// Stops the recorded processes (in reverse start order; a PID that now runs another command is left alone), removes
    /// what a node made on the host (<see cref="NodeTeardown"/>) and the state directory, or with <paramref name="keepData"/> everything but <see cref="ControlPlaneFiles.Data"/>.
    /// With nothing up it says so and does nothing.
    /// </summary>
    /// <exception cref="DevClusterException">The directory is not a dev cluster's, or a process survived SIGKILL.</exception>
    public async Task DownAsync(bool keepData)
    {
        RefuseForeignDirectory();
        if (!HasSettings)
        {
            await log.WriteLineAsync($"netm devcluster: nothing is up in {files.Directory}");
            return;
        }

        var withNode = DevClusterSettings.Read(files.Settings)?.Node ?? false;
        foreach (var component in RecordedComponents().Reverse())
        {
            if (Record(component) is { } record)
            {
                var stopped = await DetachedProcess.StopAsync(record, StopGrace);
                await log.WriteLineAsync(stopped
                    ? $"netm devcluster: stopped {component.Name} (PID {record.Pid})"
                    : $"netm devcluster: {component.Name} (PID {record.Pid}) was not running");
            }

            await component.AfterStopAsync(files, log);
        }

        if (withNode && !NodeOwner.IsHeldByAnother(files))
        {
            await NodeTeardown.RunAsync(files, log);
        }

        if (keepData)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(files.Directory).Except(files.Data, StringComparer.Ordinal).ToList())
            {
                Delete(entry);
            }

            await log.WriteLineAsync($"netm devcluster: removed {files.Directory} but etcd's data and the service-account keys; `{Command("up")}` starts on them");
        }
        else
        {
            Directory.Delete(files.Directory, recursive: true);
            await log.WriteLineAsync($"netm devcluster: removed {files.Directory}");
        }
    }

    private static void Delete(string entry)
    {
        if (Directory.Exists(entry))
        {
            Directory.Delete(entry, recursive: true);
        }
        else
        {
            File.Delete(entry);
        }
    }
}
