using k8s.Models;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Metrics;
using NetworkMachinery.Operator.Runtime.Queue;
using NetworkMachinery.Operator.Runtime.Resources;
using NetworkMachinery.Operator.Tests.Runtime.Support;

namespace NetworkMachinery.Operator.Tests.Runtime.Controllers;

public sealed class EnqueueHandlerTests
{
    private readonly WorkQueue<ObjectKey> _queue = new(
        "enqueue", new ExponentialFailureRateLimiter<ObjectKey>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1)), new ManualTimeProvider(),
        new WorkQueueMetrics(Prometheus.Metrics.NewCustomRegistry()));

    [Fact]
    public void OnUpdate_SameGeneration_NoDeletion_IsSkipped()
    {
        var handler = new EnqueueHandler<V1ConfigMap>(_queue, skipStatusOnlyUpdates: true);

        handler.OnUpdate(ConfigMap(generation: 3), ConfigMap(generation: 3));

        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public void OnUpdate_NewGeneration_OrDeletionStarted_OrNoGeneration_IsQueued()
    {
        var handler = new EnqueueHandler<V1ConfigMap>(_queue, skipStatusOnlyUpdates: true);

        handler.OnUpdate(ConfigMap(generation: 3, name: "spec"), ConfigMap(generation: 4, name: "spec"));
        handler.OnUpdate(ConfigMap(generation: 3, name: "deleting"), ConfigMap(generation: 3, name: "deleting", deleting: true));
        handler.OnUpdate(ConfigMap(generation: null, name: "plain"), ConfigMap(generation: null, name: "plain"));

        Assert.Equal(3, _queue.Count);
    }

    [Fact]
    public void OnUpdate_SkippingOff_QueuesEveryUpdate_AndAddAndDeleteAlwaysQueue()
    {
        var handler = new EnqueueHandler<V1ConfigMap>(_queue, skipStatusOnlyUpdates: false);

        handler.OnUpdate(ConfigMap(generation: 3, name: "status"), ConfigMap(generation: 3, name: "status"));
        handler.OnAdd(ConfigMap(generation: 1, name: "added"));
        handler.OnDelete(ConfigMap(generation: 1, name: "deleted"));

        Assert.Equal(3, _queue.Count);
    }

    private static V1ConfigMap ConfigMap(long? generation, string name = "c", bool deleting = false) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "ns",
            Generation = generation,
            DeletionTimestamp = deleting ? new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc) : null,
        },
    };
}
