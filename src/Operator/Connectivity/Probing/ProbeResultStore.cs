using System.Collections.Concurrent;
using System.Collections.Immutable;
using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Runtime.Controllers;
using NetworkMachinery.Operator.Runtime.Resources;

namespace NetworkMachinery.Operator.Connectivity.Probing;

/// <summary>
/// The runs this operator started and the probe results that arrived for them, until the controller writes them into
/// the tests' status. Only each test's current run is kept: a result for another run (a late answer, a redelivery)
/// or for a probe the run did not ask for is refused, as is a repeat, so the store stays as small as the runs in flight. Each result taken in names its test to the subscribed controllers,
/// which write it into the status at once.
/// </summary>
public sealed class ProbeResultStore : IKeySource
{
    private readonly ConcurrentDictionary<ObjectKey, ProbeRun> _runs = new();
    private ImmutableArray<Action<ObjectKey>> _subscribers = [];

    /// <summary>Starts holding results for <paramref name="run"/> of the test <paramref name="test"/>, replacing its previous run.</summary>
    public void Begin(ObjectKey test, ProbeRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _runs[test] = run;
    }

    /// <summary>Takes a result in; false when its run is not the test's current one here, its probe is not part of the run, or it is a repeat.</summary>
    public bool Add(ProbeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var key = ProbeKey.Of(result.Source, result.Destination);
        var test = new ObjectKey(result.Test?.Namespace, result.Test?.Name ?? "");
        if (!_runs.TryGetValue(test, out var run)
            || run.Uid != result.Test?.Uid || run.Id != result.RunId || !run.Rows.ContainsKey(key) || !run.Results.TryAdd(key, result))
        {
            return false;
        }

        foreach (var reconcile in _subscribers)
        {
            reconcile(test);
        }

        return true;
    }

    /// <inheritdoc />
    public IDisposable Subscribe(Action<ObjectKey> reconcile)
    {
        ArgumentNullException.ThrowIfNull(reconcile);
        ImmutableInterlocked.Update(ref _subscribers, static (all, added) => all.Add(added), reconcile);
        return new Subscription(this, reconcile);
    }

    /// <summary>The test's current run here, if this store holds one (it does not after an operator restart).</summary>
    public ProbeRun? Current(ObjectKey test) => _runs.GetValueOrDefault(test);

    /// <summary>Drops what is held for a test, once it is gone.</summary>
    public void Forget(ObjectKey test) => _runs.TryRemove(test, out _);

    private sealed class Subscription(ProbeResultStore store, Action<ObjectKey> reconcile) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref store._subscribers, static (all, removed) => all.Remove(removed), reconcile);
    }
}
