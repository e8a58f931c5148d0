using System.Collections.Concurrent;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Connectivity.Probing;

namespace NetworkMachinery.Operator.Tests.Connectivity;

/// <summary>
/// Stands in for the probers: keeps the tasks the controller dispatched for tests in one namespace, for the test to answer.
/// The operator watches every namespace, and tests left by other test classes (their namespaces stay Terminating on a
/// control plane without a controller-manager) are reconciled too; their tasks are not this test's to answer.
/// </summary>
internal sealed class RecordingDispatcher(string @namespace) : IProbeDispatcher
{
    public ConcurrentQueue<ProbeTask> Tasks { get; } = new();

    public ValueTask DispatchAsync(ProbeTask task, CancellationToken cancellationToken)
    {
        if (task.Test.Namespace == @namespace)
        {
            Tasks.Enqueue(task);
        }

        return ValueTask.CompletedTask;
    }
}
