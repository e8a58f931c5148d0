using k8s.Models;

namespace NetworkMachinery.Operator.Connectivity.Resolution;

/// <summary>
/// What resolving a connectivity test reads from the cluster: pods, services and their endpoints, nodes. The operator
/// reads them from its informer caches (<see cref="CachedClusterView"/>), so a reconcile makes no API request for them.
/// </summary>
public interface IClusterView
{
    /// <summary>The pod, or null when there is none.</summary>
    V1Pod? GetPod(string @namespace, string name);

    /// <summary>The pods of <paramref name="namespace"/> that <paramref name="selector"/> matches.</summary>
    IReadOnlyList<V1Pod> ListPods(string @namespace, V1LabelSelector selector);

    /// <summary>The service, or null when there is none.</summary>
    V1Service? GetService(string @namespace, string name);

    /// <summary>The ready endpoints of a service, from its EndpointSlices or its Endpoints object; empty when it has none.</summary>
    IReadOnlyList<ServiceEndpoint> GetReadyEndpoints(string @namespace, string service);

    /// <summary>The node, or null when there is none.</summary>
    V1Node? GetNode(string name);
}
