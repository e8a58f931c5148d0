using NetworkMachinery.Contracts;

namespace NetworkMachinery.Prober.Execution;

/// <summary>One probe the runner makes for a task: a target, the probe type, or why the target cannot be probed.</summary>
/// <param name="Target">The target.</param>
/// <param name="Type">The probe type for it.</param>
/// <param name="Problem">Why the task asks for something no probe does; <c>null</c> when fine.</param>
/// <param name="ResolveFirst">The target is a DNS name: resolve it from the source first, then probe its first address.</param>
/// <param name="PathMtu">Also measure the path MTU into the same result, once the echo was answered.</param>
internal readonly record struct PlannedProbe(ProbeResult.Types.Destination Target, ProbeResult.Types.ProbeType Type, string? Problem, bool ResolveFirst = false, bool PathMtu = false)
{
    /// <summary>
    /// The probe of each target, one result each (docs/contracts.md): layer 3 gets ICMP echo, with the path MTU when the
    /// task asks for it; layer 4 gets the probe of the target's protocol. A DNS destination is resolved from the source
    /// first (the HTTP probe resolves its host itself, timing it as its dns phase).
    /// </summary>
    public static IEnumerable<PlannedProbe> Plan(ProbeTask task)
    {
        foreach (var target in task.Targets)
        {
            var named = target.Kind == ProbeResult.Types.Destination.Types.Kind.Dns;
            yield return task.Layer switch
            {
                3 => new(target, ProbeResult.Types.ProbeType.Icmp, null, named, task.PathMtu),
                4 => target.Protocol switch
                {
                    ProbeResult.Types.Destination.Types.Protocol.Tcp => new(target, ProbeResult.Types.ProbeType.Tcp, null, named),
                    ProbeResult.Types.Destination.Types.Protocol.Udp => new(target, ProbeResult.Types.ProbeType.Udp, null, named),
                    ProbeResult.Types.Destination.Types.Protocol.Http or ProbeResult.Types.Destination.Types.Protocol.Https =>
                        new(target, ProbeResult.Types.ProbeType.Http, null),
                    _ => new(target, ProbeResult.Types.ProbeType.Tcp, $"layer 4 target {target.Address}:{target.Port} has no protocol (TCP, UDP, HTTP or HTTPS)"),
                },
                _ => new(target, ProbeResult.Types.ProbeType.Icmp, $"layer {task.Layer} is not a layer the prober probes (3 or 4)"),
            };
        }
    }
}
