namespace NetworkMachinery.Operator.Entities;

/// <summary>The condition types of <see cref="NetworkMonitorStatus.Conditions"/>.</summary>
public static class NetworkMonitorConditions
{
    /// <summary>True when the flows and thresholds are being evaluated.</summary>
    public const string Ready = "Ready";

    /// <summary>True when maxKeys was reached and keys are being dropped, or a channel's Secret is missing.</summary>
    public const string Degraded = "Degraded";
}
