namespace NetworkMachinery.Netm.DevCluster;

/// <summary>
/// One control plane on 127.0.0.1: where its files are, its ports, and the admin's token. The components derive their
/// command lines, endpoints and health checks from it.
/// </summary>
/// <param name="Files">The directory everything lives in.</param>
/// <param name="Ports">The loopback ports.</param>
/// <param name="AdminToken">The admin's bearer token (in the token file and the kubeconfig).</param>
/// <param name="ApiServerAddress">
/// The address the apiserver listens on: <see cref="Address"/>, or with a node the node's address, which pods reach too.
/// </param>
internal sealed record ControlPlane(ControlPlaneFiles Files, ControlPlanePorts Ports, string AdminToken, string ApiServerAddress = ControlPlane.Address)
{
    /// <summary>The address every component listens on: the control plane is reachable from this machine only.</summary>
    public const string Address = "127.0.0.1";

    /// <summary>The apiserver's URL, <c>https://address:port</c>.</summary>
    public Uri ApiServer => new($"https://{ApiServerAddress}:{Ports.ApiServer}");

    /// <summary>etcd's client URL, <c>http://127.0.0.1:port</c> (the apiserver's <c>--etcd-servers</c>).</summary>
    public string EtcdClientUrl => $"http://{Address}:{Ports.Etcd}";

    /// <summary>etcd's peer URL.</summary>
    public string EtcdPeerUrl => $"http://{Address}:{Ports.EtcdPeer}";
}
