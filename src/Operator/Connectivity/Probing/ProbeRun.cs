using System.Collections.Concurrent;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Operator.Connectivity.Probing;

/// <summary>One run of a test as <see cref="ProbeResultStore"/> holds it: the probes it asked for and the results so far.</summary>
/// <param name="Uid">The test object's UID: a test deleted and created again under its name is another test.</param>
/// <param name="Generation">The spec generation the run probes.</param>
/// <param name="Id">The run's id.</param>
/// <param name="Rows">Each probe's <see cref="ProbeKey"/> to its row in the test's status results.</param>
public sealed record ProbeRun(string Uid, long Generation, string Id, IReadOnlyDictionary<string, int> Rows)
{
    /// <summary>The results that arrived, by probe key.</summary>
    public ConcurrentDictionary<string, ProbeResult> Results { get; } = new(StringComparer.Ordinal);
}
