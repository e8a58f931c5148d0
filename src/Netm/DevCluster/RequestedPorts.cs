namespace NetworkMachinery.Netm.DevCluster;

/// <summary>The ports given on the command line of <c>netm devcluster up</c>; null for each one left out.</summary>
/// <param name="ApiServer"><c>--port</c>.</param>
/// <param name="Etcd"><c>--etcd-port</c>.</param>
/// <param name="EtcdPeer"><c>--etcd-peer-port</c>.</param>
internal sealed record RequestedPorts(int? ApiServer, int? Etcd, int? EtcdPeer)
{
    /// <summary>The ports given, and for those left out the ones <paramref name="recorded"/> (or else the defaults).</summary>
    public ControlPlanePorts Resolve(ControlPlanePorts? recorded)
    {
        var fallback = recorded ?? ControlPlanePorts.Default;
        return new ControlPlanePorts(ApiServer ?? fallback.ApiServer, Etcd ?? fallback.Etcd, EtcdPeer ?? fallback.EtcdPeer);
    }
}
