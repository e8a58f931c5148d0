using k8s.Models;

namespace NetworkMachinery.Operator.Connectivity.Resolution;

/// <summary>Which service an EndpointSlice belongs to: its <c>kubernetes.io/service-name</c> label says.</summary>
internal static class EndpointSlices
{
    private const string ServiceNameLabel = "kubernetes.io/service-name";

    /// <summary>The name of the slice's service, or null for a slice that names none.</summary>
    public static string? ServiceOf(V1EndpointSlice slice) =>
        slice.Metadata.Labels is { } labels && labels.TryGetValue(ServiceNameLabel, out var service) ? service : null;
}
