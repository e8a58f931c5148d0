using NetworkMachinery.Contracts;
using NetworkMachinery.Operator.Connectivity.Probing;
using NetworkMachinery.Operator.Connectivity.Resolution;
using NetworkMachinery.Operator.Entities;

namespace NetworkMachinery.Operator.Connectivity.Runs;

/// <summary>
/// One run of a connectivity test, planned: a status row for every source and target (pending, or an error when it
/// could not be resolved), the probe tasks for the probers, one per source, and which row each probe's result fills.
/// </summary>
public sealed class RunPlan
{
    private RunPlan(string id, IReadOnlyList<ConnectivityResult> rows, IReadOnlyDictionary<string, int> probes, IReadOnlyList<ProbeTask> tasks)
    {
        Id = id;
        Rows = rows;
        Probes = probes;
        Tasks = tasks;
    }

    /// <summary>The run's id, <see cref="TestRun.IdOf"/>.</summary>
    public string Id { get; }

    /// <summary>The status results the run starts with, in order: by source, then by destination as the spec lists them.</summary>
    public IReadOnlyList<ConnectivityResult> Rows { get; }

    /// <summary>Each probe's <see cref="ProbeKey"/> to its index in <see cref="Rows"/>.</summary>
    public IReadOnlyDictionary<string, int> Probes { get; }

    /// <summary>The tasks to dispatch: one per source that has something to probe.</summary>
    public IReadOnlyList<ProbeTask> Tasks { get; }

    /// <summary>Plans run <paramref name="runId"/> of <paramref name="test"/> (valid) from its resolution.</summary>
    public static RunPlan Create(V1Alpha1NetworkConnectivityTest test, ResolvedTest resolved, string runId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(resolved);
        var spec = test.Spec;
        var rows = new List<ConnectivityResult>();
        var probes = new Dictionary<string, int>(StringComparer.Ordinal);
        var tasks = new List<ProbeTask>();
        foreach (var source in resolved.Sources)
        {
            if (source.Error is not null)
            {
                rows.Add(new ConnectivityResult { Source = source.Display, Destination = "*", Target = "-", Verdict = ProbeVerdict.Error, Error = source.Error });
                continue;
            }

            var task = new ProbeTask
            {
                Test = new ProbeResult.Types.TestRef { Namespace = test.Metadata.NamespaceProperty ?? "", Name = test.Metadata.Name, Uid = test.Metadata.Uid ?? "", Generation = test.Metadata.Generation ?? 0 },
                RunId = runId,
                Source = source.Source,
                SourcePodUid = source.PodUid,
                Layer = spec.Layer == ConnectivityLayer.Transport ? 4u : 3u,
                Count = (uint)spec.Count,
                IntervalNs = (ulong)GoDuration.Parse(spec.Interval).Ticks * 100,
                TimeoutNs = (ulong)GoDuration.Parse(spec.Timeout).Ticks * 100,
                IssuedAtNs = (ulong)(now.ToUnixTimeMilliseconds() * 1_000_000),
                PayloadSize = (uint)spec.PayloadSize,
                PathMtu = spec.Layer == ConnectivityLayer.Network && spec.PathMTU == true,
            };
            foreach (var target in resolved.Targets)
            {
                var row = new ConnectivityResult
                {
                    Source = source.Display,
                    SourceIP = source.Source.Address.Length > 0 ? source.Source.Address : null,
                    Destination = target.Destination,
                    Target = target.Error is null ? target.Display : "-",
                    Verdict = target.Error is null ? ProbeVerdict.Pending : ProbeVerdict.Error,
                    Error = target.Error,
                };

                // The same address twice (a pod named and also behind a named service) is probed once per destination entry.
                if (target.Error is null && probes.TryAdd(ProbeKey.Of(source.Source, target.Target), rows.Count))
                {
                    task.Targets.Add(target.Target);
                }

                rows.Add(row);
            }

            if (task.Targets.Count > 0)
            {
                tasks.Add(task);
            }
        }

        return new RunPlan(runId, rows, probes, tasks);
    }
}
