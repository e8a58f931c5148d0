using System.CommandLine;
using NetworkMachinery.Netm.DevCluster;
using NetworkMachinery.Netm.DevCluster.Node;

namespace NetworkMachinery.Netm.Commands;

/// <summary>
/// <c>netm devcluster up|down|deploy|status|kubeconfig</c>: a local single-node Kubernetes cluster (or, with
/// <c>--control-plane-only</c>, etcd and kube-apiserver on 127.0.0.1) for development, tests and demos, running
/// detached until <c>down</c>.
/// </summary>
internal static class DevClusterCommand
{
    private const string DefaultStateDirectory = ".cache/devcluster";

    public static Command Create()
    {
        var stateDir = new Option<string?>("--state-dir")
        {
            Description = $"The directory of the cluster's data, certificates, logs and kubeconfig (default: {DefaultStateDirectory} under the checkout).",
            HelpName = "DIR",
            Recursive = true,
        };
        var port = PortOption("--port", "The apiserver's secure port on 127.0.0.1", ControlPlanePorts.Default.ApiServer);
        var etcdPort = PortOption("--etcd-port", "etcd's client port on 127.0.0.1", ControlPlanePorts.Default.Etcd);
        var etcdPeerPort = PortOption("--etcd-peer-port", "etcd's peer port on 127.0.0.1", ControlPlanePorts.Default.EtcdPeer);
        var controlPlaneOnly = new Option<bool>("--control-plane-only")
        {
            Description = "Start etcd and kube-apiserver alone, on 127.0.0.1: no node (containerd, kubelet, kube-proxy, cluster DNS), no root needed for it, and any number side by side. Without it, `up` keeps what the cluster was started with.",
        };
        var keepData = new Option<bool>("--keep-data") { Description = "Keep etcd's data (and the service-account keys), so that the next `up` finds every object again." };

        var up = new Command(
            "up",
            "Start a single-node cluster (building the Kubernetes binaries first if needed), or restart what is not running; print the kubeconfig's path.")
        {
            controlPlaneOnly,
            port,
            etcdPort,
            etcdPeerPort,
        };
        up.SetAction((parse, cancellationToken) => RunAsync(parse, stateDir, async cluster =>
        {
            var kubeconfig = await cluster.UpAsync(
                new RequestedPorts(parse.GetValue(port), parse.GetValue(etcdPort), parse.GetValue(etcdPeerPort)), parse.GetValue(controlPlaneOnly) ? false : null, cancellationToken);
            await Console.Out.WriteLineAsync(kubeconfig);
            await Console.Error.WriteLineAsync($"netm devcluster: up; to use it:\n  export KUBECONFIG={kubeconfig}\n  kubectl get ns");
            return 0;
        }));

        var down = new Command("down", "Stop the cluster's processes and remove its state directory.") { keepData };
        down.SetAction((parse, _) => RunAsync(parse, stateDir, async cluster =>
        {
            await cluster.DownAsync(parse.GetValue(keepData));
            return 0;
        }));

        var kafka = new Option<bool>("--kafka")
        {
            Description = "Also run a Kafka (0.9) on the node and connect the components through it, which adds the prober; it then starts and stops with the cluster.",
        };
        var rolloutTimeout = new Option<int>("--timeout")
        {
            Description = "Seconds each workload may take to roll out.",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => 300,
        };
        rolloutTimeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--timeout takes a number of seconds, at least 1");
            }
        });
        var deploy = new Command(
            "deploy",
            "Install Network Machinery on the running cluster from deploy/install.yaml with the locally built netm image, and wait until it runs.")
        {
            kafka,
            rolloutTimeout,
        };
        deploy.SetAction((parse, cancellationToken) => RunAsync(parse, stateDir, async cluster =>
        {
            await cluster.DeployAsync(parse.GetValue(kafka), TimeSpan.FromSeconds(parse.GetValue(rolloutTimeout)), cancellationToken);
            return 0;
        }));

        var status = new Command("status", "Show what runs (PIDs, endpoints, health); exit code 0 when every component is healthy, else 1.");
        status.SetAction((parse, cancellationToken) => RunAsync(parse, stateDir, async cluster =>
            await cluster.StatusAsync(Console.Out, cancellationToken) ? 0 : 1));

        var kubeconfig = new Command("kubeconfig", "Print the path of the cluster's kubeconfig (exit code 1 when it is not up).");
        kubeconfig.SetAction((parse, _) => RunAsync(parse, stateDir, async cluster =>
        {
            await Console.Out.WriteLineAsync(cluster.RunningKubeconfig());
            return 0;
        }));

        // Run detached by `up` (ClusterDnsComponent), not by users.
        var clusterDns = new Command(ClusterDnsComponent.Command, "Keep the cluster DNS's Service and its records of the Services current (run by `up`).") { Hidden = true };
        clusterDns.SetAction((parse, cancellationToken) => RunAsync(parse, stateDir, async cluster =>
        {
            await cluster.ServeClusterDnsAsync(cancellationToken);
            return 0;
        }));

        return new Command("devcluster", "A local single-node Kubernetes cluster for development, tests and demos (see docs/devcluster.md).")
        {
            stateDir,
            up,
            down,
            deploy,
            status,
            kubeconfig,
            DevClusterImagesCommand.Create(),
            clusterDns,
        };
    }

    private static Option<int?> PortOption(string name, string description, int defaultPort)
    {
        var option = new Option<int?>(name) { Description = $"{description} (default {defaultPort}, or what the cluster was started with).", HelpName = "PORT" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 65535)
            {
                result.AddError($"{name} takes a TCP port, 1 to 65535");
            }
        });
        return option;
    }

    private static async Task<int> RunAsync(ParseResult parse, Option<string?> stateDir, Func<LocalCluster, Task<int>> action)
    {
        try
        {
            return await action(Open(parse.GetValue(stateDir)));
        }
        catch (Exception e) when (e is DevClusterException or IOException or UnauthorizedAccessException)
        {
            // A state directory that cannot be written is the user's to fix, like a missing prerequisite: no stack trace.
            await Console.Error.WriteLineAsync($"netm devcluster: {e.Message}");
            return 1;
        }
    }

    private static LocalCluster Open(string? stateDir)
    {
        // The binaries are built into the checkout, so the dev cluster needs one even when its state lives elsewhere.
        var root = Checkout.Root ?? throw new DevClusterException(
            $"netm runs outside a checkout of the repository ({AppContext.BaseDirectory}); the dev cluster runs binaries that scripts/kube-apiserver.sh builds into one: run ./netm from the checkout.");
        var binaries = new KubeBinaries(root);
        var directory = stateDir is null ? Path.Combine(root, DefaultStateDirectory) : Path.GetFullPath(stateDir);
        var stateOption = stateDir is null ? "" : $" --state-dir {directory}";
        var images = new NodeImages(root);
        return new LocalCluster(new ControlPlaneFiles(directory), binaries, images, stateOption, Console.Error);
    }
}
