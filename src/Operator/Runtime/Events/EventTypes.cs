namespace NetworkMachinery.Operator.Runtime.Events;

/// <summary>The two types of a Kubernetes Event.</summary>
public static class EventTypes
{
    /// <summary>Something expected happened (a run started or succeeded).</summary>
    public const string Normal = "Normal";

    /// <summary>Something needs attention (an invalid spec, a failed run).</summary>
    public const string Warning = "Warning";
}
