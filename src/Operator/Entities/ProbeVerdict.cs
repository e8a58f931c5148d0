namespace NetworkMachinery.Operator.Entities;

/// <summary>The values of <see cref="ConnectivityResult.Verdict"/>.</summary>
public static class ProbeVerdict
{
    /// <summary>Not probed yet.</summary>
    public const string Pending = "Pending";

    /// <summary>The target answered.</summary>
    public const string Reachable = "Reachable";

    /// <summary>The target's host answered that nothing listens: a TCP reset, or an ICMP port-unreachable for UDP.</summary>
    public const string Refused = "Refused";

    /// <summary>No answer within spec.timeout.</summary>
    public const string Timeout = "Timeout";

    /// <summary>No route to the target: an ICMP host- or network-unreachable, or no route at the source.</summary>
    public const string Unreachable = "Unreachable";

    /// <summary>The probe could not run (source pod gone, DNS failure, prober error); the result's error says why.</summary>
    public const string Error = "Error";
}
