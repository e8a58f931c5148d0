using k8s;
using k8s.Models;

namespace NetworkMachinery.Operator.Runtime.Resources;

/// <summary>
/// Optimistic concurrency the way client-go's <c>RetryOnConflict</c> does it: apply a change to the object as last read,
/// and when the API server answers 409 Conflict (someone wrote in between), read it again and reapply the change.
/// </summary>
internal static class ConflictRetry
{
    /// <summary>Attempts before a conflict is passed on to the caller (client-go's DefaultRetry makes five).</summary>
    public const int Attempts = 5;

    /// <summary>
    /// Runs <paramref name="attempt"/> on <paramref name="resource"/>, then on fresh reads after each conflict.
    /// </summary>
    /// <returns>What the last attempt returned, or null when the object no longer exists.</returns>
    public static async Task<T?> RunAsync<T>(IResourceClient<T> client, T resource, Func<T, Task<T>> attempt, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var current = resource;
        for (var attempts = 1; ; attempts++)
        {
            try
            {
                return await attempt(current);
            }
            catch (Exception e) when (ApiErrors.IsConflict(e) && attempts < Attempts)
            {
                var fresh = await client.GetAsync(ObjectKey.Of(current), cancellationToken);
                if (fresh is null)
                {
                    return null;
                }

                current = fresh;
            }
            catch (Exception e) when (ApiErrors.IsNotFound(e))
            {
                return null;
            }
        }
    }
}
