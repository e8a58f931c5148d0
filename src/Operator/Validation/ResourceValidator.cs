using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Operator.Validation;

/// <summary>Validates an object of any of the four kinds, for callers that hold one without knowing which (the admission webhook).</summary>
public static class ResourceValidator
{
    /// <summary>Everything wrong with <paramref name="resource"/>; empty when it is valid.</summary>
    /// <param name="resource">A NetworkConnectivityTest, NetworkTrafficShaper, NetworkMonitor or NetworkNotification.</param>
    /// <param name="mode">Whether the object is stored in a cluster (the admission webhook, the controllers) or read from a standalone manifest (netm run).</param>
    /// <returns>The errors, each with the field's path and how to fix it.</returns>
    /// <exception cref="ArgumentException"><paramref name="resource"/> is of another type.</exception>
    public static IReadOnlyList<FieldError> Validate(object resource, ValidationMode mode = ValidationMode.Cluster) => resource switch
    {
        V1Alpha1NetworkConnectivityTest test => NetworkConnectivityTestValidator.Validate(test),
        V1Alpha1NetworkTrafficShaper shaper => NetworkTrafficShaperValidator.Validate(shaper),
        V1Alpha1NetworkMonitor monitor => NetworkMonitorValidator.Validate(monitor, mode),
        V1Alpha1NetworkNotification notification => NetworkNotificationValidator.Validate(notification),
        _ => throw new ArgumentException($"{resource.GetType().Name} is not a networkmachinery.io resource.", nameof(resource)),
    };
}
