using NetworkMachinery.Operator.Connectivity.Probing;
using NetworkMachinery.Operator.Connectivity.Resolution;
using NetworkMachinery.Operator.Connectivity.Runs;
using NetworkMachinery.Operator.Entities;
using NetworkMachinery.Prober.Agent;

namespace NetworkMachinery.Netm.Probe;

/// <summary>
/// Runs a NetworkConnectivityTest once, in this process, the way the operator and the prober do in a cluster: resolve
/// its sources and destinations (here against <see cref="NetnsClusterView"/>), plan the run, probe, and fill and judge
/// the same status rows.
/// </summary>
internal sealed class StandaloneProbe(IClusterView cluster, IProbeTaskRunner runner, TimeProvider time)
{
    /// <summary>Runs <paramref name="test"/>, which must have passed validation.</summary>
    public async Task<ProbeRunReport> RunAsync(V1Alpha1NetworkConnectivityTest test, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(test);
        var now = time.GetUtcNow();
        var plan = RunPlan.Create(test, TestResolver.Resolve(test, cluster), TestRun.IdOf(test.Metadata.Generation ?? 1, now.UtcDateTime), now);
        var rows = plan.Rows;
        var expect = test.Spec.Expect;
        await Task.WhenAll(plan.Tasks.Select(async task =>
        {
            await foreach (var result in runner.RunAsync(task, cancellationToken).ConfigureAwait(false))
            {
                if (plan.Probes.TryGetValue(ProbeKey.Of(result.Source, result.Destination), out var index))
                {
                    lock (rows)
                    {
                        RunOutcome.Fill(rows[index], result, expect);
                    }
                }
            }
        })).ConfigureAwait(false);

        foreach (var row in rows.Where(row => row.Verdict == ProbeVerdict.Pending))
        {
            row.Verdict = ProbeVerdict.Error;
            row.Error = "the prober gave no result for this target";
            row.Expected = RunOutcome.Meets(row.Verdict, expect);
        }

        var (condition, _, message) = RunOutcome.Judge(rows, expect);
        return new ProbeRunReport($"{test.Metadata.NamespaceProperty ?? "default"}/{test.Metadata.Name}", rows, condition, message);
    }
}
