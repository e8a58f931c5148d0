using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace NetworkMachinery.Operator.Runtime.Resources;

/// <summary>
/// <see cref="IResourceClient{T}"/> over KubernetesClient's custom-object operations, which take the group, version and
/// plural as arguments and so serve core kinds (group "" maps to <c>/api/v1</c>) and custom resources alike.
/// </summary>
internal sealed class ResourceClient<T> : IResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ICustomObjectsOperations _api;

    public ResourceClient(IKubernetes kubernetes)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        _api = kubernetes.CustomObjects;
    }

    public ResourceType Type { get; } = ResourceType.Of<T>();

    public async Task<KubernetesList<T>> ListAsync(string? @namespace, int limit, string? continueToken, CancellationToken cancellationToken)
    {
        using var response = @namespace is null
            ? await _api.ListClusterCustomObjectWithHttpMessagesAsync<KubernetesList<T>>(
                Type.Group, Type.Version, Type.Plural, continueParameter: continueToken, limit: limit, cancellationToken: cancellationToken)
            : await _api.ListNamespacedCustomObjectWithHttpMessagesAsync<KubernetesList<T>>(
                Type.Group, Type.Version, @namespace, Type.Plural, continueParameter: continueToken, limit: limit, cancellationToken: cancellationToken);
        return response.Body;
    }

    public async IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string? @namespace, string resourceVersion, TimeSpan timeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seconds = (int)Math.Max(1, timeout.TotalSeconds);

        // KubernetesClient hands error events (a Status object, e.g. 410 Gone) and undecodable lines to a callback and
        // reads on; the server closes the stream after an error event, so the failure is rethrown once the stream ends.
        Exception? failure = null;
        var events = @namespace is null
            ? _api.WatchListClusterCustomObjectAsync(
                Type.Group, Type.Version, Type.Plural, allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: seconds,
                onError: error => failure ??= error, cancellationToken: cancellationToken)
            : _api.WatchListNamespacedCustomObjectAsync(
                Type.Group, Type.Version, @namespace, Type.Plural, allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: seconds,
                onError: error => failure ??= error, cancellationToken: cancellationToken);
        await foreach (var (type, item) in events)
        {
            if (failure is not null)
            {
                break;
            }

            // The untyped watch yields each object as a JsonElement; the typed one is obsolete in KubernetesClient 21.
            yield return (type, KubernetesJson.Deserialize<T>((JsonElement)item));
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    public async Task<T?> GetAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = key.Namespace is null
                ? await _api.GetClusterCustomObjectWithHttpMessagesAsync<T>(Type.Group, Type.Version, Type.Plural, key.Name, cancellationToken: cancellationToken)
                : await _api.GetNamespacedCustomObjectWithHttpMessagesAsync<T>(Type.Group, Type.Version, key.Namespace, Type.Plural, key.Name, cancellationToken: cancellationToken);
            return response.Body;
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<T> CreateAsync(T resource, CancellationToken cancellationToken)
    {
        var key = Stamp(resource);
        using var response = key.Namespace is null
            ? await _api.CreateClusterCustomObjectWithHttpMessagesAsync<T>(resource, Type.Group, Type.Version, Type.Plural, cancellationToken: cancellationToken)
            : await _api.CreateNamespacedCustomObjectWithHttpMessagesAsync<T>(resource, Type.Group, Type.Version, key.Namespace, Type.Plural, cancellationToken: cancellationToken);
        return response.Body;
    }

    public async Task<T> ReplaceAsync(T resource, CancellationToken cancellationToken)
    {
        var key = Stamp(resource);
        using var response = key.Namespace is null
            ? await _api.ReplaceClusterCustomObjectWithHttpMessagesAsync<T>(resource, Type.Group, Type.Version, Type.Plural, key.Name, cancellationToken: cancellationToken)
            : await _api.ReplaceNamespacedCustomObjectWithHttpMessagesAsync<T>(resource, Type.Group, Type.Version, key.Namespace, Type.Plural, key.Name, cancellationToken: cancellationToken);
        return response.Body;
    }

    public async Task<T> ReplaceStatusAsync(T resource, CancellationToken cancellationToken)
    {
        var key = Stamp(resource);
        using var response = key.Namespace is null
            ? await _api.ReplaceClusterCustomObjectStatusWithHttpMessagesAsync<T>(resource, Type.Group, Type.Version, Type.Plural, key.Name, cancellationToken: cancellationToken)
            : await _api.ReplaceNamespacedCustomObjectStatusWithHttpMessagesAsync<T>(resource, Type.Group, Type.Version, key.Namespace, Type.Plural, key.Name, cancellationToken: cancellationToken);
        return response.Body;
    }

    public async Task<T> PatchAsync(ObjectKey key, V1Patch patch, CancellationToken cancellationToken)
    {
        using var response = key.Namespace is null
            ? await _api.PatchClusterCustomObjectWithHttpMessagesAsync<T>(patch, Type.Group, Type.Version, Type.Plural, key.Name, cancellationToken: cancellationToken)
            : await _api.PatchNamespacedCustomObjectWithHttpMessagesAsync<T>(patch, Type.Group, Type.Version, key.Namespace, Type.Plural, key.Name, cancellationToken: cancellationToken);
        return response.Body;
    }

    public async Task<bool> DeleteAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = key.Namespace is null
                ? await _api.DeleteClusterCustomObjectWithHttpMessagesAsync(Type.Group, Type.Version, Type.Plural, key.Name, cancellationToken: cancellationToken)
                : await _api.DeleteNamespacedCustomObjectWithHttpMessagesAsync(Type.Group, Type.Version, key.Namespace, Type.Plural, key.Name, cancellationToken: cancellationToken);
            return true;
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    // KubernetesClient's models leave apiVersion and kind unset, and the API server rejects a body without them.
    private ObjectKey Stamp(T resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        resource.ApiVersion ??= Type.ApiVersion;
        resource.Kind ??= Type.Kind;
        return ObjectKey.Of(resource);
    }
}
