using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Agent;

namespace NetworkMachinery.Prober.Tests.Agent;

/// <summary>
/// A task runner for the agent's bus tests: answers every target Reachable, after waiting for <see cref="Gate"/>
/// when one is set, and records which tasks it ran. The probes themselves are tested in real namespaces elsewhere.
/// </summary>
internal sealed class ScriptedRunner : IProbeTaskRunner
{
    public ConcurrentQueue<ProbeTask> Ran { get; } = new();

    public TaskCompletionSource? Gate { get; set; }

    public async IAsyncEnumerable<ProbeResult> RunAsync(ProbeTask task, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Ran.Enqueue(task);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        foreach (var target in task.Targets)
        {
            yield return new ProbeResult { Test = task.Test, RunId = task.RunId, Source = task.Source, Destination = target, Verdict = ProbeResult.Types.Verdict.Reachable, Sent = 1, Received = 1 };
        }
    }
}
