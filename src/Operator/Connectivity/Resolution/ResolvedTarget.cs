using NetworkMachinery.Contracts;

namespace NetworkMachinery.Operator.Connectivity.Resolution;

/// <summary>One address (and port) a destination resolved to, or why the destination could not be resolved.</summary>
/// <param name="Destination">How the status names the destination: <c>kind/namespace/name</c>, <c>ip/ADDRESS</c>, <c>dns/HOST</c>, <c>node/NAME</c>.</param>
/// <param name="Target">The address as a probe task carries it.</param>
/// <param name="Error">Why the destination has no address to probe; null when it has.</param>
public sealed record ResolvedTarget(string Destination, ProbeResult.Types.Destination Target, string? Error)
{
    /// <summary>How the status names the target: the address, with <c>:port</c> at layer 4; the host name for DNS.</summary>
    public string Display => Describe(Target);

    /// <summary>The status name of a target that a probe result reports.</summary>
    public static string Describe(ProbeResult.Types.Destination target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var address = target.Address.Length > 0 ? target.Address : target.Name;
        if (target.Port == 0)
        {
            return address;
        }

        return address.Contains(':', StringComparison.Ordinal) ? $"[{address}]:{target.Port}" : $"{address}:{target.Port}";
    }
}
