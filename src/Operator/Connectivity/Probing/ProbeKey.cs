using NetworkMachinery.Contracts;
using Kind = NetworkMachinery.Contracts.ProbeResult.Types.Destination.Types.Kind;

namespace NetworkMachinery.Operator.Connectivity.Probing;

/// <summary>
/// What identifies one probe within a run: the source and the target as the operator sent them. It leaves out what the
/// prober fills in (the node a host probe ran on, the address a DNS name resolved to), so a result finds its row.
/// </summary>
public static class ProbeKey
{
    /// <summary>The key of the probe from <paramref name="source"/> to <paramref name="target"/>.</summary>
    public static string Of(ProbeResult.Types.Source? source, ProbeResult.Types.Destination? target)
    {
        var from = source is null || source.Host ? "host" : $"{source.PodNamespace}/{source.PodName}";
        var address = target is null || target.Kind == Kind.Dns ? "" : target.Address;
        return $"{from}|{target?.Kind}/{target?.Namespace}/{target?.Name}|{address}:{target?.Port}/{target?.Protocol}";
    }
}
