using System.Collections.Concurrent;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Operator.Connectivity.Probing;

/// <summary>
/// The runs this operator started and the probe results that arrived for them, until the controller writes them into
/// the tests' status. Only each test's current run is kept: a result for another run (a late answer, a redelivery)
/// or for a probe the run did not ask for is refused, as is a repeat, so the store stays as small as the runs in flight.
/// </summary>
public sealed class ProbeResultStore
{
    private readonly ConcurrentDictionary<string, ProbeRun> _runs = new(StringComparer.Ordinal);

    /// <summary>Starts holding results for <paramref name="run"/> of the test <paramref name="test"/> (namespace/name), replacing its previous run.</summary>
    public void Begin(string test, ProbeRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _runs[test] = run;
    }

    /// <summary>Takes a result in; false when its run is not the test's current one here, its probe is not part of the run, or it is a repeat.</summary>
    public bool Add(ProbeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var key = ProbeKey.Of(result.Source, result.Destination);
        return _runs.TryGetValue($"{result.Test?.Namespace}/{result.Test?.Name}", out var run)
            && run.Uid == result.Test?.Uid && run.Id == result.RunId && run.Rows.ContainsKey(key) && run.Results.TryAdd(key, result);
    }

    /// <summary>The test's current run here, if this store holds one (it does not after an operator restart).</summary>
    public ProbeRun? Current(string test) => _runs.GetValueOrDefault(test);

    /// <summary>Drops what is held for a test, once it is gone.</summary>
    public void Forget(string test) => _runs.TryRemove(test, out _);
}
