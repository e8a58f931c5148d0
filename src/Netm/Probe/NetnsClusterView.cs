using System.Net;
using System.Net.Sockets;
using k8s.Models;
using NetworkMachinery.Operator.Connectivity.Resolution;
using NetworkMachinery.Prober.Namespaces;

namespace NetworkMachinery.Netm.Probe;

/// <summary>
/// The "cluster" of <c>netm probe</c> without Kubernetes: every named network namespace (<c>ip netns add NAME</c>, a
/// file under /run/netns) is a pod of that name, in any Kubernetes namespace, whose IP is the first global address
/// inside it (IPv4 before IPv6). There are no services, nodes or labels, so service and node destinations and source
/// selectors resolve to "not found".
/// </summary>
internal sealed class NetnsClusterView(string netnsDirectory, string node, Func<string, IReadOnlyList<IPAddress>> addressesOf) : IClusterView
{
    /// <inheritdoc />
    public V1Pod? GetPod(string @namespace, string name)
    {
        if (name.Contains('/', StringComparison.Ordinal) || !File.Exists(Path.Combine(netnsDirectory, name)))
        {
            return null;
        }

        var address = addressesOf(name)
            .Where(InterfaceAddresses.IsGlobal)
            .OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)
            .FirstOrDefault();
        return new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace },
            Spec = new V1PodSpec { NodeName = node },
            Status = new V1PodStatus { Phase = "Running", PodIP = address?.ToString() },
        };
    }

    /// <inheritdoc />
    public IReadOnlyList<V1Pod> ListPods(string @namespace, V1LabelSelector selector) => [];

    /// <inheritdoc />
    public V1Service? GetService(string @namespace, string name) => null;

    /// <inheritdoc />
    public IReadOnlyList<ServiceEndpoint> GetReadyEndpoints(string @namespace, string service) => [];

    /// <inheritdoc />
    public V1Node? GetNode(string name) => null;
}
