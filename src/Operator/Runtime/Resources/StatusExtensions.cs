using k8s;
using k8s.Models;

namespace NetworkMachinery.Operator.Runtime.Resources;

/// <summary>
/// Writes an object's status subresource with optimistic concurrency: the change is applied to a copy of the object
/// as read and written with its resourceVersion; on 409 Conflict the object is read again and the change reapplied.
/// </summary>
public static class StatusExtensions
{
    /// <summary>
    /// Applies <paramref name="change"/> to a copy of <paramref name="resource"/> and writes its status, unless the change
    /// changed nothing (then no request is made, so an idempotent reconcile does not write on every pass).
    /// </summary>
    /// <param name="client">The client for the object's kind.</param>
    /// <param name="resource">The object as last read, e.g. from the informer cache; it is not modified.</param>
    /// <param name="change">
    /// Sets the status on the copy it is given. It may run more than once (once per conflict, on a fresh read), so it
    /// must compute the status from its argument and its own inputs, never from what an earlier run did.
    /// </param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The object as written (or as it was when nothing changed), or null when it no longer exists.</returns>
    public static async Task<T?> UpdateStatusAsync<T>(this IResourceClient<T> client, T resource, Action<T> change, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        (await client.ChangeStatusAsync(resource, change, cancellationToken))?.After;

    /// <summary>
    /// Like <see cref="UpdateStatusAsync"/>, and also returns the state the change was applied to: after a conflict that
    /// is a fresh read, not <paramref name="resource"/>, which is what a caller comparing before and after needs (a
    /// stale cached object would make a transition that already happened look new).
    /// </summary>
    /// <param name="client">The client for the object's kind.</param>
    /// <param name="resource">The object as last read, e.g. from the informer cache; it is not modified.</param>
    /// <param name="change">Sets the status on the copy it is given; it may run more than once, as for <see cref="UpdateStatusAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The state before and after the write, or null when the object no longer exists.</returns>
    public static async Task<StatusChange<T>?> ChangeStatusAsync<T>(this IResourceClient<T> client, T resource, Action<T> change, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(change);
        var basis = resource;
        var written = await ConflictRetry.RunAsync(
            client,
            resource,
            current =>
            {
                basis = current;
                var before = ResourceJson.Serialize(current);
                var copy = ResourceJson.Deserialize<T>(before);
                change(copy);
                return ResourceJson.Serialize(copy) == before ? Task.FromResult(current) : client.ReplaceStatusAsync(copy, cancellationToken);
            },
            cancellationToken);
        return written is null ? null : new StatusChange<T>(basis, written);
    }
}
