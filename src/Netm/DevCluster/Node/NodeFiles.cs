namespace NetworkMachinery.Netm.DevCluster.Node;

/// <summary>
/// Where the node's components keep their files, all under the dev cluster's state directory: containerd's root, state
/// and socket, the CNI configuration and address store, the kubelet's root directory, the components' configurations.
/// </summary>
internal sealed class NodeFiles(ControlPlaneFiles files)
{
    /// <summary>containerd's directory.</summary>
    public string Containerd => Path.Combine(files.Directory, "containerd");

    /// <summary>containerd's configuration (generated).</summary>
    public string ContainerdConfig => Path.Combine(Containerd, "config.toml");

    /// <summary>containerd's persistent root (images, snapshots).</summary>
    public string ContainerdRoot => Path.Combine(Containerd, "root");

    /// <summary>containerd's state directory (tasks, the pods' network namespaces).</summary>
    public string ContainerdState => Path.Combine(Containerd, "state");

    /// <summary>runc's state directory.</summary>
    public string RuncRoot => Path.Combine(Containerd, "runc");

    /// <summary>containerd's API socket, which the kubelet (CRI) and image imports use.</summary>
    public string ContainerdSocket => Path.Combine(Containerd, "containerd.sock");

    /// <summary>The CNI configuration directory containerd reads.</summary>
    public string CniConfigDirectory => Path.Combine(files.Directory, "cni", "net.d");

    /// <summary>The host-local IPAM plugin's store of allocated addresses.</summary>
    public string CniIpamData => Path.Combine(files.Directory, "cni", "ipam");

    /// <summary>The kubelet's directory.</summary>
    public string Kubelet => Path.Combine(files.Directory, "kubelet");

    /// <summary>The kubelet's KubeletConfiguration (generated).</summary>
    public string KubeletConfig => Path.Combine(Kubelet, "config.yaml");

    /// <summary>The kubelet's <c>--root-dir</c> (pods' volumes, plugins).</summary>
    public string KubeletRoot => Path.Combine(Kubelet, "root");

    /// <summary>The kubelet's static pods (<c>staticPodPath</c>): the cluster DNS.</summary>
    public string StaticPods => Path.Combine(Kubelet, "manifests");

    /// <summary>The kubelet's self-signed serving certificate.</summary>
    public string KubeletCertificates => Path.Combine(Kubelet, "pki");

    /// <summary>kube-proxy's KubeProxyConfiguration (generated).</summary>
    public string KubeProxyConfig => Path.Combine(files.Directory, "kube-proxy.yaml");

    /// <summary>The cluster DNS's directory of hosts files, mounted into its pod (dnsmasq reads every file in it, again on each change).</summary>
    public string DnsHosts => Path.Combine(files.Directory, "dns", "hosts");

    /// <summary>The admin kubeconfig the node's components use.</summary>
    public string Kubeconfig => files.Kubeconfig;

    /// <summary>What <c>net.ipv4.ip_forward</c> was before the node turned it on (restored by <c>down</c>).</summary>
    public string IpForwardBefore => Path.Combine(files.Directory, "ip_forward.before");
}
