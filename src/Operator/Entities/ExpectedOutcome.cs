namespace NetworkMachinery.Operator.Entities;

/// <summary>The values of <see cref="NetworkConnectivityTestSpec.Expect"/>.</summary>
public static class ExpectedOutcome
{
    /// <summary>Every target must answer.</summary>
    public const string Reachable = "Reachable";

    /// <summary>No target may answer: the traffic is expected to be blocked, for example by a network policy.</summary>
    public const string Unreachable = "Unreachable";
}
