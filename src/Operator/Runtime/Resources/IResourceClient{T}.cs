using k8s;
using k8s.Models;

namespace NetworkMachinery.Operator.Runtime.Resources;

/// <summary>
/// The API operations on one kind of object, for core kinds and custom resources alike: what informers list and watch,
/// and what reconcilers read and write. Errors from the API server surface as KubernetesClient's exceptions
/// (<see cref="k8s.Autorest.HttpOperationException"/>, <see cref="KubernetesException"/>); <see cref="ApiErrors"/> classifies them.
/// </summary>
/// <typeparam name="T">The object type, carrying a <see cref="KubernetesEntityAttribute"/>.</typeparam>
public interface IResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Where the objects live in the API.</summary>
    ResourceType Type { get; }

    /// <summary>Lists one page of objects.</summary>
    /// <param name="namespace">One namespace, or null for every namespace (and for cluster-scoped kinds).</param>
    /// <param name="limit">At most this many objects in the page.</param>
    /// <param name="continueToken">The previous page's <c>metadata.continue</c>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page; its <c>metadata.resourceVersion</c> is the version of the whole (paged) list.</returns>
    Task<KubernetesList<T>> ListAsync(string? @namespace, int limit, string? continueToken, CancellationToken cancellationToken);

    /// <summary>
    /// Watches the objects changed after <paramref name="resourceVersion"/>, with bookmarks, until the server ends the
    /// watch (after <paramref name="timeout"/>) or an error does.
    /// </summary>
    /// <param name="namespace">One namespace, or null for every namespace.</param>
    /// <param name="resourceVersion">The version to watch from: a list's or the last event's.</param>
    /// <param name="timeout">Asks the server to end the watch after this long.</param>
    /// <param name="cancellationToken">Ends the watch.</param>
    /// <returns>The events; a bookmark carries only <c>metadata.resourceVersion</c>.</returns>
    /// <exception cref="KubernetesException">The server sent an error event, e.g. 410 Gone for an expired <paramref name="resourceVersion"/>.</exception>
    IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(string? @namespace, string resourceVersion, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Reads one object from the API server (not a cache); null when it does not exist.</summary>
    Task<T?> GetAsync(ObjectKey key, CancellationToken cancellationToken);

    /// <summary>Creates <paramref name="resource"/> in its namespace (or cluster-wide when it has none).</summary>
    Task<T> CreateAsync(T resource, CancellationToken cancellationToken);

    /// <summary>Replaces the object (PUT): fails with 409 Conflict when its resourceVersion is stale.</summary>
    Task<T> ReplaceAsync(T resource, CancellationToken cancellationToken);

    /// <summary>Replaces the object's status subresource (PUT <c>/status</c>): fails with 409 Conflict when its resourceVersion is stale.</summary>
    Task<T> ReplaceStatusAsync(T resource, CancellationToken cancellationToken);

    /// <summary>Patches the object with a JSON, merge or strategic merge patch.</summary>
    Task<T> PatchAsync(ObjectKey key, V1Patch patch, CancellationToken cancellationToken);

    /// <summary>Deletes the object; false when it did not exist.</summary>
    Task<bool> DeleteAsync(ObjectKey key, CancellationToken cancellationToken);
}
