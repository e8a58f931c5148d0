using NetworkMachinery.Contracts;

namespace NetworkMachinery.Prober.Execution;

/// <summary>One probe the runner makes for a task: a target, the probe type, or why the target cannot be probed.</summary>
/// <param name="Target">The target.</param>
/// <param name="Type">The probe type for it.</param>
/// <param name="Problem">Why the task asks for something no probe does; <c>null</c> when fine.</param>
internal readonly record struct PlannedProbe(ProbeResult.Types.Destination Target, ProbeResult.Types.ProbeType Type, string? Problem)
{
    /// <summary>
    /// The probes of a task, per target: a DNS destination gets the DNS probe; layer 3 gets ICMP echo, and path MTU
    /// discovery too when the task asks for it; layer 4 gets the probe of the target's protocol.
    /// </summary>
    public static IEnumerable<PlannedProbe> Plan(ProbeTask task)
    {
        foreach (var target in task.Targets)
        {
            if (target.Kind == ProbeResult.Types.Destination.Types.Kind.Dns)
            {
                yield return new(target, ProbeResult.Types.ProbeType.Dns, null);
                continue;
            }

            switch (task.Layer)
            {
                case 3:
                    yield return new(target, ProbeResult.Types.ProbeType.Icmp, null);
                    if (task.PathMtu)
                    {
                        yield return new(target, ProbeResult.Types.ProbeType.Mtu, null);
                    }

                    break;
                case 4:
                    yield return target.Protocol switch
                    {
                        ProbeResult.Types.Destination.Types.Protocol.Tcp => new(target, ProbeResult.Types.ProbeType.Tcp, null),
                        ProbeResult.Types.Destination.Types.Protocol.Udp => new(target, ProbeResult.Types.ProbeType.Udp, null),
                        ProbeResult.Types.Destination.Types.Protocol.Http or ProbeResult.Types.Destination.Types.Protocol.Https =>
                            new(target, ProbeResult.Types.ProbeType.Http, null),
                        _ => new(target, ProbeResult.Types.ProbeType.Tcp, $"layer 4 target {target.Address}:{target.Port} has no protocol (TCP, UDP, HTTP or HTTPS)"),
                    };
                    break;
                default:
                    yield return new(target, ProbeResult.Types.ProbeType.Icmp, $"layer {task.Layer} is not a layer the prober probes (3 or 4)");
                    break;
            }
        }
    }
}
