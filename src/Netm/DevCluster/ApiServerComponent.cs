using System.Globalization;
using System.Net.Http.Headers;

namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// kube-apiserver 1.20 as scripts/kube-apiserver.sh builds it, on loopback, over the control plane's etcd: a
/// self-signed serving certificate, the admin's static token, RBAC.
/// </summary>
/// <remarks>
/// No controller manager runs: namespaces other than the built-in ones have no default service account, so the
/// ServiceAccount admission plugin is off (pods need not name one).
/// </remarks>
internal sealed class ApiServerComponent(KubeBinaries binaries) : ClusterComponent
{
    private const string ServiceAccountIssuer = "https://kubernetes.default.svc";
    private const string ServiceClusterIpRange = "10.0.0.0/24";

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
        $"--bind-address={ControlPlane.Address}",
        $"--secure-port={plane.Ports.ApiServer.ToString(CultureInfo.InvariantCulture)}",

        // 1.20 still serves an unauthenticated HTTP port (8080) by default, which every instance would share.
        "--insecure-port=0",

        // The generated serving certificate names the advertise address, which clients reach on 127.0.0.1. The
        // endpoints of the "kubernetes" service may not be loopback addresses: the reconciler that writes them would
        // fail every 10 s, so it is off (that service has no endpoints here).
        $"--advertise-address={ControlPlane.Address}",
        "--endpoint-reconciler-type=none",
        $"--service-cluster-ip-range={ServiceClusterIpRange}",
        $"--cert-dir={plane.Files.CertificateDirectory}",
        $"--token-auth-file={plane.Files.TokenFile}",
        "--authorization-mode=RBAC",
        $"--service-account-issuer={ServiceAccountIssuer}",
        $"--service-account-key-file={plane.Files.ServiceAccountPublicKey}",
        $"--service-account-signing-key-file={plane.Files.ServiceAccountKey}",
        "--disable-admission-plugins=ServiceAccount",
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<ComponentPort> Ports(ControlPlanePorts ports) => [new(ports.ApiServer, "--port")];

    /// <inheritdoc/>
    public override string Endpoint(ControlPlane plane) => plane.ApiServer.GetLeftPart(UriPartial.Authority);

    /// <inheritdoc/>
    /// <remarks>It asks <c>/readyz</c> as the admin, trusting only the CA the apiserver generated, as a client with the kubeconfig would.</remarks>
    public override HealthProbe CreateProbe(ControlPlane plane)
    {
        var client = new HttpClient(ApiServerCertificate.Handler(plane.Files.ServingCertificate)) { Timeout = HealthProbe.Timeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", plane.AdminToken);
        return new HealthProbe(client, new Uri(plane.ApiServer, "/readyz"), "ok");
    }
}
