using k8s.Models;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Connectivity.Resolution;

/// <summary>
/// The cluster as the operator's informer caches hold it. Service endpoints come from discovery.k8s.io/v1
/// EndpointSlices when the API server serves them, else from core v1 Endpoints (Kubernetes before 1.21): exactly one
/// of the two caches is given.
/// </summary>
public sealed class CachedClusterView : IClusterView
{
    private readonly IResourceCache<V1Pod> _pods;
    private readonly IResourceCache<V1Service> _services;
    private readonly IResourceCache<V1Node> _nodes;
    private readonly IResourceCache<V1EndpointSlice>? _slices;
    private readonly IResourceCache<V1Endpoints>? _endpoints;

    /// <summary>A view over the caches; give <paramref name="slices"/> or <paramref name="endpoints"/>, not both.</summary>
    /// <exception cref="ArgumentException">Both or neither endpoint caches were given.</exception>
    public CachedClusterView(
        IResourceCache<V1Pod> pods,
        IResourceCache<V1Service> services,
        IResourceCache<V1Node> nodes,
        IResourceCache<V1EndpointSlice>? slices,
        IResourceCache<V1Endpoints>? endpoints)
    {
        if ((slices is null) == (endpoints is null))
        {
            throw new ArgumentException("Give the EndpointSlice cache or the Endpoints cache, exactly one.");
        }

        (_pods, _services, _nodes, _slices, _endpoints) = (pods, services, nodes, slices, endpoints);
    }

    /// <inheritdoc />
    public V1Pod? GetPod(string @namespace, string name) => _pods.Get(new ObjectKey(@namespace, name));

    /// <inheritdoc />
    public IReadOnlyList<V1Pod> ListPods(string @namespace, V1LabelSelector selector) =>
        [.. _pods.List(@namespace).Where(pod => LabelSelectors.Matches(selector, pod.Metadata.Labels))];

    /// <inheritdoc />
    public V1Service? GetService(string @namespace, string name) => _services.Get(new ObjectKey(@namespace, name));

    /// <inheritdoc />
    public V1Node? GetNode(string name) => _nodes.Get(new ObjectKey(null, name));

    /// <inheritdoc />
    public IReadOnlyList<ServiceEndpoint> GetReadyEndpoints(string @namespace, string service) =>
        _slices is not null ? FromSlices(_slices, @namespace, service) : FromEndpoints(_endpoints!, @namespace, service);

    private static List<ServiceEndpoint> FromSlices(IResourceCache<V1EndpointSlice> slices, string @namespace, string service)
    {
        var endpoints = new List<ServiceEndpoint>();
        foreach (var slice in slices.List(@namespace).Where(s => EndpointSlices.ServiceOf(s) == service))
        {
            var ports = (slice.Ports ?? []).Where(p => p.Port is not null)
                .ToDictionary(p => p.Name ?? "", p => (p.Port!.Value, p.Protocol ?? "TCP"), StringComparer.Ordinal);

            // A missing ready condition counts as ready, as the EndpointSlice API says.
            foreach (var endpoint in (slice.Endpoints ?? []).Where(e => e.Conditions?.Ready != false))
            {
                endpoints.AddRange(endpoint.Addresses.Select(address => new ServiceEndpoint(address, ports)));
            }
        }

        return endpoints;
    }

    private static List<ServiceEndpoint> FromEndpoints(IResourceCache<V1Endpoints> cache, string @namespace, string service)
    {
        var endpoints = new List<ServiceEndpoint>();
        foreach (var subset in cache.Get(new ObjectKey(@namespace, service))?.Subsets ?? [])
        {
            var ports = (subset.Ports ?? []).ToDictionary(p => p.Name ?? "", p => (p.Port, p.Protocol ?? "TCP"), StringComparer.Ordinal);
            endpoints.AddRange((subset.Addresses ?? []).Select(address => new ServiceEndpoint(address.Ip, ports)));
        }

        return endpoints;
    }
}
