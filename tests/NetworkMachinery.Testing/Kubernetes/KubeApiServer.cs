using System.Diagnostics;
using k8s;
using NetworkMachinery.Netm.DevCluster;
using NetworkMachinery.Testing.Naming;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;
using NetworkMachinery.Testing.Repository;

namespace NetworkMachinery.Testing.Kubernetes;

/// <summary>
/// A private, real Kubernetes control plane without nodes: Debian's etcd 3.4 and a kube-apiserver 1.20 (built by
/// scripts/kube-apiserver.sh into the checkout), each on a free port of 127.0.0.1, with everything they write under a
/// fresh temporary <see cref="Directory"/>, so that any number can run side by side. The apiserver can be stopped and
/// started again on the same port (an apiserver restart); etcd keeps running and keeps the objects. Dispose stops both
/// by their process groups and deletes the directory.
/// </summary>
/// <remarks>
/// The command lines, the generated credentials and the kubeconfig are those of <c>netm devcluster</c>
/// (src/Netm/DevCluster), which runs the same components as detached daemons; here they are child processes of the test.
/// Clients authenticate as an admin (a static token in the group <c>system:masters</c>) through <see cref="KubeconfigPath"/>
/// or <see cref="CreateClient"/>; authorization is RBAC, so service accounts and users other than the admin get only
/// what roles grant them. No controller manager runs: namespaces other than the built-in ones have no default service
/// account, so the ServiceAccount admission plugin is off (pods need not name one). A cold start takes seconds: share one
/// server between the test classes of a project.
/// </remarks>
public sealed class KubeApiServer : IAsyncDisposable
{
    private const string KubeconfigName = "networkmachinery-test";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly ControlPlane _plane;
    private readonly ApiServerComponent _apiServerComponent;
    private ServerProcess? _etcd;
    private ServerProcess? _apiServer;
    private bool _disposed;

    private KubeApiServer(ApiServerComponent apiServer, string directory, IReadOnlyList<int> ports)
    {
        _apiServerComponent = apiServer;
        Directory = directory;
        _plane = new ControlPlane(new ControlPlaneFiles(directory), new ControlPlanePorts(ports[0], ports[1], ports[2]), AdminCredentials.NewToken());
    }

    /// <summary>The apiserver's secure port on 127.0.0.1.</summary>
    public int Port => _plane.Ports.ApiServer;

    /// <summary>The apiserver's URL, <c>https://127.0.0.1:port</c>.</summary>
    public Uri Server => _plane.ApiServer;

    /// <summary>etcd's client URL, <c>http://127.0.0.1:port</c> (the apiserver's <c>--etcd-servers</c>).</summary>
    public string EtcdServer => _plane.EtcdClientUrl;

    /// <summary>The directory holding etcd's data, the certificates, keys and the kubeconfig; deleted on dispose.</summary>
    public string Directory { get; }

    /// <summary>A kubeconfig for the admin user that trusts the apiserver's generated CA (for kubectl and clients).</summary>
    public string KubeconfigPath => _plane.Files.Kubeconfig;

    /// <summary>The bearer token of the admin user (group <c>system:masters</c>).</summary>
    public string AdminToken => _plane.AdminToken;

    /// <summary>The PID (and process group id) of etcd.</summary>
    public int EtcdProcessId => (_etcd ?? throw new InvalidOperationException("etcd is not running.")).ProcessId;

    /// <summary>The PID (and process group id) of the apiserver; null while it is stopped.</summary>
    public int? ApiServerProcessId => _apiServer?.ProcessId;

    /// <summary>How long etcd took from its start until it was healthy.</summary>
    public TimeSpan EtcdStartTime { get; private set; }

    /// <summary>How long the apiserver's last start took until <c>/readyz</c> answered ok.</summary>
    public TimeSpan ApiServerStartTime { get; private set; }

    /// <summary>Starts etcd, then the apiserver, and returns once the apiserver is ready and the kubeconfig is written.</summary>
    /// <exception cref="InvalidOperationException">
    /// kube-apiserver is not built or etcd not installed (the message names scripts/kube-apiserver.sh), or a server did
    /// not start; the message holds the tail of its output.
    /// </exception>
    public static async Task<KubeApiServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var etcd = new EtcdComponent();
        var apiServer = new ApiServerComponent(new KubeBinaries(RepositoryPaths.Root));
        KubeBinaries.Require(apiServer);
        KubeBinaries.Require(etcd);
        var directory = System.IO.Directory.CreateTempSubdirectory($"{UniqueId.Prefix}-kube-").FullName;
        var server = new KubeApiServer(apiServer, directory, FreePorts.Tcp(3));
        try
        {
            var files = server._plane.Files;
            await AdminCredentials.WriteServiceAccountKeysAsync(files, cancellationToken);
            await AdminCredentials.WriteTokenFileAsync(files, server.AdminToken, cancellationToken);
            (server._etcd, server.EtcdStartTime) = await server.StartComponentAsync(etcd, cancellationToken);
            await server.StartApiServerAsync(cancellationToken);
            await Kubeconfig.WriteAsync(files.Kubeconfig, KubeconfigName, server.Server, files.ServingCertificate, server.AdminToken, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client configuration from <see cref="KubeconfigPath"/>, to adjust before building a client from it.</summary>
    public KubernetesClientConfiguration ClientConfiguration() =>
        KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath);

    /// <summary>A client for the admin user; the caller disposes it.</summary>
    public k8s.Kubernetes CreateClient() => new(ClientConfiguration());

    /// <summary>
    /// Starts the apiserver (again) on the same port, certificates and etcd, and returns once <c>/readyz</c> answers ok.
    /// </summary>
    /// <exception cref="InvalidOperationException">It runs already, or did not start; the message holds the tail of its output.</exception>
    public async Task StartApiServerAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_apiServer is not null)
        {
            throw new InvalidOperationException($"kube-apiserver runs already (PID {_apiServer.ProcessId}).");
        }

        (_apiServer, ApiServerStartTime) = await StartComponentAsync(_apiServerComponent, cancellationToken);
    }

    /// <summary>
    /// Stops the apiserver, as a restart would: SIGTERM, SIGKILL if it is still there after 30 s. etcd keeps running
    /// with every object. Nothing happens when the apiserver is stopped already.
    /// </summary>
    public async Task StopApiServerAsync()
    {
        if (_apiServer is { } apiServer)
        {
            _apiServer = null;
            await apiServer.DisposeAsync();
        }
    }

    /// <summary>Stops the apiserver and etcd (their whole process groups) and deletes <see cref="Directory"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // The apiserver first: it would keep retrying a vanished etcd until it is stopped.
        await StopApiServerAsync();
        if (_etcd is { } etcd)
        {
            _etcd = null;
            await etcd.DisposeAsync();
        }

        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    /// <summary>Starts <paramref name="component"/> as a child process and waits until it is healthy; stops it again when it is not.</summary>
    private async Task<(ServerProcess Process, TimeSpan StartTime)> StartComponentAsync(ClusterComponent component, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var process = ServerProcess.Start(component.Name, component.Binary, component.Arguments(_plane));
        try
        {
            using var probe = component.CreateProbe(_plane);
            var took = await process.WaitUntilAsync(
                () => probe.IsHealthyAsync(cancellationToken), $"was healthy on {probe.Url}", started, StartTimeout, cancellationToken);
            return (process, took);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
