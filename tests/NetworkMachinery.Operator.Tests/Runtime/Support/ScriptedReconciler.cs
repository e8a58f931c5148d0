using System.Collections.Concurrent;
using System.Diagnostics;
using k8s.Models;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Tests.Runtime.Support;

/// <summary>Answers each reconcile of a ConfigMap with the next step of a script (throw, or a result), recording when.</summary>
internal sealed class ScriptedReconciler(params Func<ReconcileResult>[] script) : IReconciler<V1ConfigMap>
{
    private int _calls;

    public ConcurrentQueue<(ObjectKey Key, long Timestamp)> Calls { get; } = new();

    public Task<ReconcileResult> ReconcileAsync(ObjectKey key, V1ConfigMap? resource, CancellationToken cancellationToken)
    {
        Calls.Enqueue((key, Stopwatch.GetTimestamp()));
        var step = Interlocked.Increment(ref _calls) - 1;
        return Task.FromResult(step < script.Length ? script[step]() : ReconcileResult.Done);
    }
}
