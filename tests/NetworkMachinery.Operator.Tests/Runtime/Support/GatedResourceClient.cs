using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Tests.Runtime.Support;

/// <summary>
/// A real resource client with two test hooks around the informer's lists and watches: <see cref="Hold"/> makes them
/// wait until <see cref="Release"/> (the informer stays disconnected while the test changes objects), and
/// <see cref="BreakWatch"/> ends the open watch as a dropped connection would.
/// </summary>
internal sealed class GatedResourceClient<T>(IResourceClient<T> inner) : IResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private TaskCompletionSource _gate = Open();
    private CancellationTokenSource? _watch;
    private int _waiting;

    public ResourceType Type => inner.Type;

    /// <summary>How many lists or watches wait at the gate now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public void Hold() => Volatile.Write(ref _gate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Release() => Volatile.Read(ref _gate).TrySetResult();

    public void BreakWatch() => Volatile.Read(ref _watch)?.Cancel();

    public async Task<KubernetesList<T>> ListAsync(string? @namespace, int limit, string? continueToken, CancellationToken cancellationToken)
    {
        await PassGateAsync(cancellationToken);
        return await inner.ListAsync(@namespace, limit, continueToken, cancellationToken);
    }

    public async IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string? @namespace, string resourceVersion, TimeSpan timeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await PassGateAsync(cancellationToken);
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Volatile.Write(ref _watch, watch);
        await foreach (var item in inner.WatchAsync(@namespace, resourceVersion, timeout, watch.Token))
        {
            yield return item;
        }
    }

    public Task<T?> GetAsync(ObjectKey key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public Task<T> CreateAsync(T resource, CancellationToken cancellationToken) => inner.CreateAsync(resource, cancellationToken);

    public Task<T> ReplaceAsync(T resource, CancellationToken cancellationToken) => inner.ReplaceAsync(resource, cancellationToken);

    public Task<T> ReplaceStatusAsync(T resource, CancellationToken cancellationToken) => inner.ReplaceStatusAsync(resource, cancellationToken);

    public Task<T> PatchAsync(ObjectKey key, V1Patch patch, CancellationToken cancellationToken) => inner.PatchAsync(key, patch, cancellationToken);

    public Task<bool> DeleteAsync(ObjectKey key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task PassGateAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await Volatile.Read(ref _gate).Task.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }
}
