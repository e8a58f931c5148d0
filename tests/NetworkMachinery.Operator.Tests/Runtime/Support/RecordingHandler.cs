using k8s;
using k8s.Models;
using NetworkMachinery.Operator.Runtime.Informers;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Tests.Runtime.Support;

/// <summary>Keeps every event an informer hands it, in order, for a test to wait for and inspect.</summary>
public sealed class RecordingHandler<T> : IResourceEventHandler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _gate = new();
    private readonly List<InformerEvent<T>> _events = [];

    public IReadOnlyList<InformerEvent<T>> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public void OnAdd(T resource) => Record("add", null, resource);

    public void OnUpdate(T previous, T current) => Record("update", previous, current);

    public void OnDelete(T resource) => Record("delete", null, resource);

    /// <summary>The first event (in order) that matches, waiting up to <paramref name="timeout"/> for it.</summary>
    public async Task<InformerEvent<T>> WaitForAsync(Func<InformerEvent<T>, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (Events.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No matching event; seen: {string.Join(", ", Events)}");
            await Task.Delay(20);
        }
    }

    private void Record(string type, T? previous, T current)
    {
        lock (_gate)
        {
            _events.Add(new InformerEvent<T>(type, ObjectKey.Of(current).Name, previous, current));
        }
    }
}
