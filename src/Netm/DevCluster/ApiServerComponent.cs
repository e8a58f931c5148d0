using System.Globalization;
using System.Net.Http.Headers;
using NetworkMachinery.Netm.DevCluster.Node;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// kube-apiserver 1.20 as scripts/kube-apiserver.sh builds it, over the control plane's etcd: a self-signed serving
/// certificate, the admin's static token, RBAC. Alone it listens on 127.0.0.1; with a node, on the node's address.
/// </summary>
/// <remarks>
/// Without a node no controller manager runs: namespaces other than the built-in ones have no default service account,
/// so the ServiceAccount admission plugin is off (pods need not name one). With a node the pods reach it through the
/// <c>kubernetes</c> Service, whose endpoint is the node's address.
/// </remarks>
internal sealed class ApiServerComponent(KubeBinaries binaries, bool withNode = false) : ClusterComponent
{
    private const string ServiceAccountIssuer = "https://kubernetes.default.svc";

    /// <inheritdoc/>
    public override string Name => "kube-apiserver";

    /// <inheritdoc/>
    public override string Binary => binaries.Kubernetes(Name);

    /// <inheritdoc/>
    public override bool IsBuiltFromSource => true;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Arguments(ControlPlane plane) =>
    [
        $"--etcd-servers={plane.EtcdClientUrl}",
        $"--bind-address={plane.ApiServerAddress}",
        $"--secure-port={plane.Ports.ApiServer.ToString(CultureInfo.InvariantCulture)}",

        // 1.20 still serves an unauthenticated HTTP port (8080) by default, which every instance would share.
        "--insecure-port=0",

        // The generated serving certificate names the advertise address, which clients reach it on.
        $"--advertise-address={plane.ApiServerAddress}",
        $"--service-cluster-ip-range={NodeNetwork.ServiceCidr}",
        $"--cert-dir={plane.Files.CertificateDirectory}",
        $"--token-auth-file={plane.Files.TokenFile}",
        "--authorization-mode=RBAC",
        $"--service-account-issuer={ServiceAccountIssuer}",
        $"--service-account-key-file={plane.Files.ServiceAccountPublicKey}",
        $"--service-account-signing-key-file={plane.Files.ServiceAccountKey}",
        .. withNode ? NodeArguments : ControlPlaneOnlyArguments,
    ];

    // The kubelet's API is reached on the node's InternalIP (its hostname resolves nowhere).
    private static IReadOnlyList<string> NodeArguments => ["--kubelet-preferred-address-types=InternalIP"];

    // The endpoints of the "kubernetes" Service may not be loopback addresses: the reconciler that writes them would
    // fail every 10 s, so it is off (that Service has no endpoints here). No controller manager makes service accounts.
    private static IReadOnlyList<string> ControlPlaneOnlyArguments => ["--endpoint-reconciler-type=none", "--disable-admission-plugins=ServiceAccount"];

    /// <inheritdoc/>
    public override IReadOnlyList<ComponentPort> Ports(ControlPlanePorts ports) => [new(ports.ApiServer, "--port")];

    /// <inheritdoc/>
    public override string Endpoint(ControlPlane plane) => plane.ApiServer.GetLeftPart(UriPartial.Authority);

    /// <inheritdoc/>
    /// <remarks>It asks <c>/readyz</c> as the admin, trusting only the CA the apiserver generated, as a client with the kubeconfig would.</remarks>
    public override HealthProbe CreateProbe(ControlPlane plane) => new(AdminClient(plane), new Uri(plane.ApiServer, "/readyz"), "ok");

    /// <summary>A client of the apiserver as the admin, trusting only the CA the apiserver generated; the caller disposes it.</summary>
    public static HttpClient AdminClient(ControlPlane plane)
    {
        var client = new HttpClient(ApiServerCertificate.Handler(plane.Files.ServingCertificate)) { Timeout = HealthProbe.Timeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", plane.AdminToken);
        return client;
    }
}
