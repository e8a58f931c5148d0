using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using NetworkMachinery.Operator.Connectivity.Controller;
using NetworkMachinery.Operator.Connectivity.Probing;
using NetworkMachinery.Operator.Connectivity.Resolution;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Hosting;
using NetworkMachinery.Operator.Runtime.Informers;

namespace NetworkMachinery.Operator.Connectivity;

/// <summary>Registers the NetworkConnectivityTest controller and what it reads the cluster through.</summary>
public static class ConnectivityServiceCollectionExtensions
{
    /// <summary>
    /// Adds the NetworkConnectivityTest controller, the informers for pods, services, nodes and service endpoints, and
    /// the <see cref="ProbeResultStore"/>. The caller registers the <see cref="IProbeDispatcher"/> and feeds results to
    /// the store. Call <see cref="ServesEndpointSlicesAsync"/> first to learn which endpoints API the cluster has.
    /// </summary>
    /// <param name="services">The services, with the operator runtime added.</param>
    /// <param name="endpointSlices">Read service endpoints from discovery.k8s.io/v1 EndpointSlices; else from core v1 Endpoints.</param>
    /// <param name="namespace">The namespace whose tests to reconcile, or null for all.</param>
    public static IServiceCollection AddConnectivityTests(this IServiceCollection services, bool endpointSlices, string? @namespace = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<ProbeResultStore>();

        // The reconciler reads these caches, so they are watches of the controller: its workers start only once they
        // synced too, and a change to an object a test names reconciles that test again.
        var controller = services.AddController<V1Alpha1NetworkConnectivityTest, NetworkConnectivityTestReconciler>(
                new ControllerOptions { Name = "networkconnectivitytests", Namespace = @namespace, Workers = 4 })
            .Watches<V1Pod>((pod, tests) => TestReferences.Naming(tests, DestinationKind.Pod, pod))
            .Watches<V1Service>((service, tests) => TestReferences.Naming(tests, DestinationKind.Service, service))
            .Watches<V1Node>((node, tests) => TestReferences.Naming(tests, DestinationKind.Node, node))
            .WatchesKeys<ProbeResultStore>();
        if (endpointSlices)
        {
            controller.Watches<V1EndpointSlice>((slice, tests) => TestReferences.NamingService(tests, slice));
        }
        else
        {
            controller.Watches<V1Endpoints>((endpoints, tests) => TestReferences.Naming(tests, DestinationKind.Service, endpoints));
        }

        services.AddSingleton<IClusterView>(provider => new CachedClusterView(
            provider.GetRequiredService<IInformer<V1Pod>>().Cache,
            provider.GetRequiredService<IInformer<V1Service>>().Cache,
            provider.GetRequiredService<IInformer<V1Node>>().Cache,
            endpointSlices ? provider.GetRequiredService<IInformer<V1EndpointSlice>>().Cache : null,
            endpointSlices ? null : provider.GetRequiredService<IInformer<V1Endpoints>>().Cache));
        return services;
    }

    /// <summary>Whether the API server serves discovery.k8s.io/v1 (EndpointSlices; Kubernetes 1.21 and later).</summary>
    public static async Task<bool> ServesEndpointSlicesAsync(IKubernetes kubernetes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        try
        {
            await kubernetes.DiscoveryV1.GetAPIResourcesAsync(cancellationToken);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
