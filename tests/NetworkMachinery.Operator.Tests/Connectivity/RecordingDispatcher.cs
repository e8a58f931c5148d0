using System.Collections.Concurrent;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Connectivity.Probing;

namespace NetworkMachinery.Operator.Tests.Connectivity;

/// <summary>Stands in for the probers (a later issue): keeps the tasks the controller dispatched, for the test to answer.</summary>
internal sealed class RecordingDispatcher : IProbeDispatcher
{
    public ConcurrentQueue<ProbeTask> Tasks { get; } = new();

    public ValueTask DispatchAsync(ProbeTask task, CancellationToken cancellationToken)
    {
        Tasks.Enqueue(task);
        return ValueTask.CompletedTask;
    }
}
