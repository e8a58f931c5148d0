using System.Net;
using System.Text.Json.Nodes;
using NetworkMachinery.Netm.Images.Recipes;

namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// The cluster DNS's objects: a static pod of the kubelet (written into its manifest directory, so it runs without the
/// scheduler or anything else in the API) with dnsmasq from the project's image, and the Service kube-system/kube-dns
/// that gives it the fixed address the kubelet hands to the pods.
/// </summary>
internal static class ClusterDnsPod
{
    /// <summary>The static pod's name (its mirror pod in the API is called NAME-NODE).</summary>
    public const string Name = "cluster-dns";

    private const string Namespace = "kube-system";
    private const string Service = "kube-dns";
    private const string RecordsMount = "/records";

    /// <summary>The pod's manifest, which the kubelet reads from <see cref="NodeFiles.StaticPods"/>.</summary>
    /// <remarks>
    /// dnsmasq answers the Services' names from the hosts files netm writes on the host (mounted read-only; it rereads
    /// them on every change), answers no other name of the cluster domain, and forwards the rest to the node's resolvers
    /// (dnsPolicy Default). It stays root: the records are in the state directory, which only root may read.
    /// </remarks>
    public static string Manifest(NodeFiles files) =>
        $"""
        # Written by netm devcluster up: the cluster DNS, a static pod of the kubelet.
        apiVersion: v1
        kind: Pod
        metadata:
          name: {Name}
          namespace: {Namespace}
          labels:
            k8s-app: {Service}
        spec:
          dnsPolicy: Default
          terminationGracePeriodSeconds: 1
          containers:
          - name: dnsmasq
            image: {DnsmasqImage.Reference}
            imagePullPolicy: Never
            args:
            - --user=root
            - --no-hosts
            - --hostsdir={RecordsMount}
            - --local=/{NodeNetwork.ClusterDomain}/
            ports:
            - {"{"} name: dns, containerPort: 53, protocol: UDP {"}"}
            - {"{"} name: dns-tcp, containerPort: 53, protocol: TCP {"}"}
            volumeMounts:
            - {"{"} name: records, mountPath: {RecordsMount}, readOnly: true {"}"}
          volumes:
          - name: records
            hostPath: {"{"} path: {files.DnsHosts}, type: Directory {"}"}

        """;

    /// <summary>Creates the Service when it is not there (after a <c>down --keep-data</c> it is).</summary>
    /// <exception cref="HttpRequestException">The apiserver refused it.</exception>
    public static async Task EnsureServiceAsync(HttpClient client, ControlPlane plane, CancellationToken cancellationToken)
    {
        var url = new Uri(plane.ApiServer, $"/api/v1/namespaces/{Namespace}/services");
        using var existing = await client.GetAsync(new Uri(url + "/" + Service), cancellationToken);
        if (existing.IsSuccessStatusCode)
        {
            return;
        }

        var port = (string protocol, string name) => new JsonObject { ["name"] = name, ["port"] = 53, ["protocol"] = protocol, ["targetPort"] = 53 };
        var service = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = new JsonObject { ["name"] = Service, ["namespace"] = Namespace, ["labels"] = new JsonObject { ["k8s-app"] = Service } },
            ["spec"] = new JsonObject
            {
                ["clusterIP"] = NodeNetwork.ClusterDnsAddress,
                ["selector"] = new JsonObject { ["k8s-app"] = Service },
                ["ports"] = new JsonArray(port("UDP", "dns"), port("TCP", "dns-tcp")),
            },
        };
        using var body = new StringContent(service.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var created = await client.PostAsync(url, body, cancellationToken);
        if (created.StatusCode != HttpStatusCode.Conflict)
        {
            created.EnsureSuccessStatusCode();
        }
    }
}
