using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Connectivity.Resolution;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Connectivity.Controller;

/// <summary>Which connectivity tests name a given pod, service or node, as a source or a destination.</summary>
internal static class TestReferences
{
    /// <summary>The tests that name <paramref name="resource"/> (a destination of <paramref name="kind"/>, or a pod or node source).</summary>
    public static IEnumerable<ObjectKey> Naming(IResourceCache<V1Alpha1NetworkConnectivityTest> tests, string kind, IKubernetesObject<V1ObjectMeta> resource) =>
        Matching(tests, resource.Metadata.NamespaceProperty, resource.Metadata.Name, kind);

    /// <summary>The tests that name the service <paramref name="slice"/> belongs to.</summary>
    public static IEnumerable<ObjectKey> NamingService(IResourceCache<V1Alpha1NetworkConnectivityTest> tests, V1EndpointSlice slice) =>
        EndpointSlices.ServiceOf(slice) is { } service ? Matching(tests, slice.Metadata.NamespaceProperty, service, DestinationKind.Service) : [];

    private static IEnumerable<ObjectKey> Matching(IResourceCache<V1Alpha1NetworkConnectivityTest> tests, string? @namespace, string name, string kind) =>
        tests.List()
            .Where(test => Names(test, @namespace, name, kind))
            .Select(ObjectKey.Of);

    private static bool Names(V1Alpha1NetworkConnectivityTest test, string? @namespace, string name, string kind)
    {
        var own = test.Metadata.NamespaceProperty;
        var source = test.Spec.Source;
        var bySource = kind switch
        {
            DestinationKind.Pod => source is not null && (source.Namespace ?? own) == @namespace && (source.Name == name || source.Selector is not null),
            DestinationKind.Node => source?.Node == name,
            _ => false,
        };
        return bySource || test.Spec.Destinations.Any(d => d.Kind == kind && d.Name == name && (kind == DestinationKind.Node || (d.Namespace ?? own) == @namespace));
    }
}
