namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// One program of the dev cluster (etcd, kube-apiserver, containerd, the kubelet...): where its
/// binary is and what provides it, how it is started, where it listens and how to tell it is healthy.
/// </summary>
/// <remarks>
/// The dev cluster starts its components in list order and stops them in reverse (<see cref="ControlPlaneComponents"/>);
/// the tests' apiserver fixture starts the same components with the same command lines as child processes.
/// </remarks>
internal abstract class ClusterComponent
{
    /// <summary>The name, e.g. <c>kube-apiserver</c>: it names the log file and the process record.</summary>
    public abstract string Name { get; }

    /// <summary>The absolute path of the binary.</summary>
    public abstract string Binary { get; }

    /// <summary>
    /// True when scripts/kube-apiserver.sh builds the binary from the kubernetes source package (its argument is
    /// <see cref="Name"/>); false when it comes from a Debian package that the script installs.
    /// </summary>
    public abstract bool IsBuiltFromSource { get; }

    /// <summary>The command-line arguments (the binary not included).</summary>
    public abstract IReadOnlyList<string> Arguments(ControlPlane plane);

    /// <summary>The loopback ports it listens on, each with the option that chooses it.</summary>
    public abstract IReadOnlyList<ComponentPort> Ports(ControlPlanePorts ports);

    /// <summary>Where clients reach it, for <c>netm devcluster status</c>.</summary>
    public abstract string Endpoint(ControlPlane plane);

    /// <summary>A probe that tells whether it is healthy; the caller disposes it.</summary>
    public abstract HealthProbe CreateProbe(ControlPlane plane);

    /// <summary>
    /// Writes what the component reads when it starts (configuration files, images it needs); called before each start,
    /// with every component before it in the list healthy.
    /// </summary>
    public virtual Task PrepareAsync(ControlPlane plane, TextWriter log, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Cleans up after the component's process stopped (or was found gone) on <c>down</c>: what it started that outlives
    /// it, e.g. containerd's containers.
    /// </summary>
    public virtual Task AfterStopAsync(ControlPlaneFiles files, TextWriter log) => Task.CompletedTask;
}
