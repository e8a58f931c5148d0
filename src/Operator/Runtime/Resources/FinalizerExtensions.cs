using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace NetworkMachinery.Operator.Runtime.Resources;

/// <summary>
/// Adds and removes finalizers with a merge patch that carries the resourceVersion it was computed from, so the API
/// server rejects it (409) when the list changed meanwhile (another controller's finalizer is never dropped); on a
/// conflict the object is read again and the change reapplied. Whether there is anything to do is judged on the object
/// given, without a request: pass the latest state at hand (the informer cache's).
/// </summary>
public static class FinalizerExtensions
{
    /// <summary>Makes sure <paramref name="resource"/> carries <paramref name="finalizer"/>; no request when it does already.</summary>
    /// <returns>The object as written (or as it was), or null when it no longer exists.</returns>
    public static Task<T?> AddFinalizerAsync<T>(this IResourceClient<T> client, T resource, string finalizer, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(finalizer);
        return ConflictRetry.RunAsync(
            client,
            resource,
            current => current.HasFinalizer(finalizer)
                ? Task.FromResult(current)
                : client.PatchAsync(ObjectKey.Of(current), Patch(current, [.. current.Finalizers() ?? [], finalizer]), cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// Makes sure <paramref name="resource"/> no longer carries <paramref name="finalizer"/>. Removing the last finalizer
    /// of an object being deleted lets the API server delete it.
    /// </summary>
    /// <returns>The object as written (or as it was), or null when it no longer exists.</returns>
    public static Task<T?> RemoveFinalizerAsync<T>(this IResourceClient<T> client, T resource, string finalizer, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(finalizer);
        return ConflictRetry.RunAsync(
            client,
            resource,
            current => !current.HasFinalizer(finalizer)
                ? Task.FromResult(current)
                : client.PatchAsync(ObjectKey.Of(current), Patch(current, [.. current.Finalizers().Where(f => f != finalizer)]), cancellationToken),
            cancellationToken);
    }

    private static V1Patch Patch<T>(T current, IReadOnlyList<string> finalizers)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var list = new JsonArray();
        foreach (var finalizer in finalizers)
        {
            list.Add((JsonNode?)JsonValue.Create(finalizer));
        }

        var metadata = new JsonObject
        {
            // A resourceVersion in a merge patch makes the API server check it: the optimistic lock.
            ["resourceVersion"] = current.Metadata.ResourceVersion,
            ["finalizers"] = list,
        };
        return new V1Patch(new JsonObject { ["metadata"] = metadata }.ToJsonString(), V1Patch.PatchType.MergePatch);
    }
}
