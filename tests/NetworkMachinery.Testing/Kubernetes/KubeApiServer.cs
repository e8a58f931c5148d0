using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using k8s;
using NetworkMachinery.Testing.Naming;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Testing.Kubernetes;

/// <summary>
/// A private, real Kubernetes control plane without nodes: Debian's etcd 3.4 and a kube-apiserver 1.20 (built by
/// scripts/kube-apiserver.sh, see <see cref="KubeBinaries"/>), each on a free port of 127.0.0.1, with everything they
/// write under a fresh temporary <see cref="Directory"/>, so that any number can run side by side. The apiserver can be
/// stopped and started again on the same port (an apiserver restart); etcd keeps running and keeps the objects.
/// Dispose stops both by their process groups and deletes the directory.
/// </summary>
/// <remarks>
/// Clients authenticate as an admin (a static token in the group <c>system:masters</c>) through <see cref="KubeconfigPath"/>
/// or <see cref="CreateClient"/>; authorization is RBAC, so service accounts and users other than the admin get only
/// what roles grant them. No controller manager runs: namespaces other than the built-in ones have no default service
/// account, so the ServiceAccount admission plugin is off (pods need not name one). A cold start takes seconds: share one
/// server between the test classes of a project.
/// </remarks>
public sealed class KubeApiServer : IAsyncDisposable
{
    private const string ServiceAccountIssuer = "https://kubernetes.default.svc";
    private const string ServiceClusterIpRange = "10.0.0.0/24";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly ApiServerFiles _files;
    private readonly string _apiServerBinary;
    private readonly int _etcdPort;
    private readonly int _etcdPeerPort;
    private ServerProcess? _etcd;
    private ServerProcess? _apiServer;
    private bool _disposed;

    private KubeApiServer(string apiServerBinary, string directory, IReadOnlyList<int> ports)
    {
        _apiServerBinary = apiServerBinary;
        Directory = directory;
        _files = new ApiServerFiles(directory);
        Port = ports[0];
        _etcdPort = ports[1];
        _etcdPeerPort = ports[2];
    }

    /// <summary>The apiserver's secure port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The apiserver's URL, <c>https://127.0.0.1:port</c>.</summary>
    public Uri Server => new($"https://127.0.0.1:{Port}");

    /// <summary>etcd's client URL, <c>http://127.0.0.1:port</c> (the apiserver's <c>--etcd-servers</c>).</summary>
    public string EtcdServer => $"http://127.0.0.1:{_etcdPort}";

    /// <summary>The directory holding etcd's data, the certificates, keys and the kubeconfig; deleted on dispose.</summary>
    public string Directory { get; }

    /// <summary>A kubeconfig for the admin user that trusts the apiserver's generated CA (for kubectl and clients).</summary>
    public string KubeconfigPath => _files.Kubeconfig;

    /// <summary>The bearer token of the admin user (group <c>system:masters</c>).</summary>
    public string AdminToken => _files.AdminToken;

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
        var apiServerBinary = KubeBinaries.ApiServer();
        var etcdBinary = KubeBinaries.Etcd();
        var directory = System.IO.Directory.CreateTempSubdirectory($"{UniqueId.Prefix}-kube-").FullName;
        var server = new KubeApiServer(apiServerBinary, directory, FreePorts.Tcp(3));
        try
        {
            await server._files.WriteCredentialsAsync(cancellationToken);
            await server.StartEtcdAsync(etcdBinary, cancellationToken);
            await server.StartApiServerAsync(cancellationToken);
            await server._files.WriteKubeconfigAsync(server.Server.GetLeftPart(UriPartial.Authority), cancellationToken);
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

        var started = Stopwatch.GetTimestamp();
        _apiServer = ServerProcess.Start("kube-apiserver", _apiServerBinary, ApiServerArguments());
        try
        {
            using var probe = new HttpClient(ApiServerCertificate.Handler(_files.ServingCertificate)) { Timeout = ProbeTimeout };
            probe.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
            ApiServerStartTime = await _apiServer.WaitUntilAsync(
                () => AnswersAsync(probe, new Uri(Server, "/readyz"), "ok", cancellationToken),
                $"answered ok on {Server}readyz",
                started,
                StartTimeout,
                cancellationToken);
        }
        catch
        {
            await StopApiServerAsync();
            throw;
        }
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

    private static async Task<bool> AnswersAsync(HttpClient client, Uri url, string expected, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync(cancellationToken)).Contains(expected, StringComparison.Ordinal);
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The probe's own timeout: the server accepted the connection but did not answer yet.
            return false;
        }
    }

    private async Task StartEtcdAsync(string etcdBinary, CancellationToken cancellationToken)
    {
        var peer = $"http://127.0.0.1:{_etcdPeerPort}";
        var started = Stopwatch.GetTimestamp();
        _etcd = ServerProcess.Start(
            "etcd",
            etcdBinary,
            [
                "--name=default",
                $"--data-dir={_files.EtcdData}",
                $"--listen-client-urls={EtcdServer}",
                $"--advertise-client-urls={EtcdServer}",
                $"--listen-peer-urls={peer}",
                $"--initial-advertise-peer-urls={peer}",
                $"--initial-cluster=default={peer}",
                "--logger=zap",
            ]);
        using var probe = new HttpClient { Timeout = ProbeTimeout };
        EtcdStartTime = await _etcd.WaitUntilAsync(
            () => AnswersAsync(probe, new Uri($"{EtcdServer}/health"), "\"health\":\"true\"", cancellationToken),
            $"was healthy on {EtcdServer}",
            started,
            StartTimeout,
            cancellationToken);
    }

    private string[] ApiServerArguments() =>
    [
        $"--etcd-servers={EtcdServer}",
        "--bind-address=127.0.0.1",
        $"--secure-port={Port.ToString(CultureInfo.InvariantCulture)}",

        // 1.20 still serves an unauthenticated HTTP port (8080) by default, which every instance would share.
        "--insecure-port=0",

        // The generated serving certificate names the advertise address, which clients reach on 127.0.0.1. The
        // endpoints of the "kubernetes" service may not be loopback addresses: the reconciler that writes them would
        // fail every 10 s, so it is off (that service has no endpoints here).
        "--advertise-address=127.0.0.1",
        "--endpoint-reconciler-type=none",
        $"--service-cluster-ip-range={ServiceClusterIpRange}",
        $"--cert-dir={_files.CertificateDirectory}",
        $"--token-auth-file={_files.TokenFile}",
        "--authorization-mode=RBAC",
        $"--service-account-issuer={ServiceAccountIssuer}",
        $"--service-account-key-file={_files.ServiceAccountPublicKey}",
        $"--service-account-signing-key-file={_files.ServiceAccountKey}",
        "--disable-admission-plugins=ServiceAccount",
    ];
}
