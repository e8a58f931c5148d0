namespace NetworkMachinery.Operator.Entities;

/// <summary>The condition types of <see cref="NetworkConnectivityTestStatus.Conditions"/>.</summary>
public static class NetworkConnectivityTestConditions
{
    /// <summary>True when every result of the last run met the expectation.</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>True when a result of the last run did not meet the expectation, or the test cannot run (its reason says which).</summary>
    public const string Failed = "Failed";

    /// <summary>True when some probes could not be run, such as from a source pod that is not running.</summary>
    public const string Degraded = "Degraded";
}
