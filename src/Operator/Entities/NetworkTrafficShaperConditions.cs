namespace NetworkMachinery.Operator.Entities;

/// <summary>The condition types of <see cref="NetworkTrafficShaperStatus.Conditions"/>.</summary>
public static class NetworkTrafficShaperConditions
{
    /// <summary>True when every target pod is shaped.</summary>
    public const string Applied = "Applied";

    /// <summary>True when some target pods could not be shaped.</summary>
    public const string Degraded = "Degraded";

    /// <summary>True when spec.duration has passed and the shaping was removed.</summary>
    public const string Expired = "Expired";
}
