using System.Globalization;
using System.Net;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Prober.Probes;

/// <summary>Reads a target's address (and port) as the probes need them, with the reason when it is unusable.</summary>
internal static class TargetEndpoint
{
    /// <summary>The target's address, or <c>null</c> and why not.</summary>
    public static IPAddress? ParseAddress(ProbeResult.Types.Destination target, out string reason)
    {
        if (IPAddress.TryParse(target.Address, out var address))
        {
            reason = "";
            return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        }

        reason = string.IsNullOrEmpty(target.Address)
            ? $"target '{target.Name}' has no address to probe"
            : $"'{target.Address}' is not an IP address";
        return null;
    }

    /// <summary>The target's address and port, or <c>null</c> and why not.</summary>
    public static IPEndPoint? ParseEndpoint(ProbeResult.Types.Destination target, out string reason)
    {
        var address = ParseAddress(target, out reason);
        if (address is null)
        {
            return null;
        }

        if (target.Port is 0 or > 65535)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"port {target.Port} of {target.Address} is not a port to probe (1-65535)");
            return null;
        }

        return new IPEndPoint(address, (int)target.Port);
    }

    /// <summary>Marks <paramref name="result"/> as an error that prevented the probe.</summary>
    public static void Fail(ProbeResult result, string reason)
    {
        result.Verdict = ProbeResult.Types.Verdict.Error;
        result.ErrorReason = reason;
    }
}
