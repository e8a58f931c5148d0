namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// The ports of the node's components: the usual ones, fixed, since one node runs per machine. The health endpoints are
/// on 127.0.0.1; the kubelet's API is on the node's address, where the apiserver reaches it.
/// </summary>
internal static class NodePorts
{
    /// <summary>containerd's Prometheus endpoint, its health check.</summary>
    public const int ContainerdMetrics = 10261;

    /// <summary>kube-controller-manager's plain-HTTP port (<c>/healthz</c>).</summary>
    public const int ControllerManager = 10252;

    /// <summary>kube-scheduler's plain-HTTP port (<c>/healthz</c>).</summary>
    public const int Scheduler = 10251;

    /// <summary>The kubelet's API (logs, exec) on the node's address.</summary>
    public const int Kubelet = 10250;

    /// <summary>The kubelet's <c>/healthz</c>.</summary>
    public const int KubeletHealth = 10248;

    /// <summary>kube-proxy's <c>/healthz</c>.</summary>
    public const int KubeProxyHealth = 10256;

    /// <summary>kube-proxy's <c>/metrics</c>.</summary>
    public const int KubeProxyMetrics = 10249;

    /// <summary>What a port message says instead of an option: these ports are fixed.</summary>
    public const string Fixed = "";
}
