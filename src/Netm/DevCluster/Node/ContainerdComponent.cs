using System.Globalization;

namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// Debian's containerd 1.6 with a private root, state, socket and CNI configuration under the state directory: the
/// node's container runtime (CRI), next to any containerd the machine runs itself.
/// </summary>
internal sealed class ContainerdComponent : ClusterComponent
{
    /// <inheritdoc/>
    public override string Name => "containerd";

    /// <inheritdoc/>
    public override string Binary => "/usr/bin/containerd";

    /// <inheritdoc/>
    public override bool IsBuiltFromSource => false;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Arguments(ControlPlane plane) => ["--config", new NodeFiles(plane.Files).ContainerdConfig];

    /// <inheritdoc/>
    public override IReadOnlyList<ComponentPort> Ports(ControlPlanePorts ports) => [new(NodePorts.ContainerdMetrics, NodePorts.Fixed)];

    /// <inheritdoc/>
    public override string Endpoint(ControlPlane plane) => $"unix://{new NodeFiles(plane.Files).ContainerdSocket}";

    /// <inheritdoc/>
    public override HealthProbe CreateProbe(ControlPlane plane) =>
        new(new HttpClient { Timeout = HealthProbe.Timeout }, new Uri($"http://{ControlPlane.Address}:{NodePorts.ContainerdMetrics}/v1/metrics"), "# HELP");

    /// <inheritdoc/>
    public override async Task PrepareAsync(ControlPlane plane, TextWriter log, CancellationToken cancellationToken)
    {
        var files = new NodeFiles(plane.Files);
        Directory.CreateDirectory(files.Containerd);
        Directory.CreateDirectory(files.CniConfigDirectory);
        await File.WriteAllTextAsync(files.ContainerdConfig, Config(files), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(files.CniConfigDirectory, "10-netm.conflist"), CniConfig.Text(files), cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The containers outlive containerd: their processes (in the kubelet's pod cgroups) and their shims (which name
    /// this containerd's socket) are killed.
    /// </remarks>
    public override async Task AfterStopAsync(ControlPlaneFiles files, TextWriter log)
    {
        var containers = Kubepods.KillProcesses();
        var socket = new NodeFiles(files).ContainerdSocket;
        var shims = 0;
        foreach (var pid in LinuxProcess.All())
        {
            if (LinuxProcess.CommandLine(pid) is [var program, .. var arguments] && program.Contains("containerd-shim", StringComparison.Ordinal)
                && arguments.Contains(socket, StringComparer.Ordinal))
            {
                LinuxProcess.Signal(pid, LinuxProcess.Kill);
                shims++;
            }
        }

        if (containers + shims > 0)
        {
            await log.WriteLineAsync($"netm devcluster: killed {containers} container processes and {shims} shims");
        }
    }

    private static string Config(NodeFiles files) =>
        $"""
        # Written by netm devcluster up.
        version = 2
        root = "{files.ContainerdRoot}"
        state = "{files.ContainerdState}"
        # Plugins that would write outside the state directory (opt: /opt/containerd) or that this node does not use.
        disabled_plugins = ["io.containerd.internal.v1.opt", "io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.aufs",
          "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper", "io.containerd.tracing.processor.v1.otlp"]

        [grpc]
          address = "{files.ContainerdSocket}"

        [metrics]
          address = "{ControlPlane.Address}:{NodePorts.ContainerdMetrics.ToString(CultureInfo.InvariantCulture)}"

        [plugins."io.containerd.grpc.v1.cri"]
          sandbox_image = "{NodeImages.SandboxImage}"
          # The machine may withhold CAP_SYS_RESOURCE: runc cannot then give the pause container its oom_score_adj of -998,
          # and every sandbox fails with "can't get final child's PID from pipe".
          restrict_oom_score_adj = true
          # The pods' network namespaces under the state directory, not in /run/netns with everyone else's.
          netns_mounts_under_state_dir = true
          stream_server_address = "{ControlPlane.Address}"
          stream_server_port = "0"

          [plugins."io.containerd.grpc.v1.cri".cni]
            bin_dir = "/usr/lib/cni"
            conf_dir = "{files.CniConfigDirectory}"

          [plugins."io.containerd.grpc.v1.cri".containerd]
            snapshotter = "overlayfs"
            default_runtime_name = "runc"

            [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
              runtime_type = "io.containerd.runc.v2"

              [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
                Root = "{files.RuncRoot}"
                SystemdCgroup = false

        """;
}
