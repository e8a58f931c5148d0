namespace NetworkMachinery.Operator.Entities;

/// <summary>The values of <see cref="NetworkTrafficShaperSpec.Direction"/>.</summary>
public static class ShapingDirection
{
    /// <summary>Traffic leaving the pod.</summary>
    public const string Egress = "egress";

    /// <summary>Traffic arriving at the pod.</summary>
    public const string Ingress = "ingress";

    /// <summary>Both directions.</summary>
    public const string Both = "both";
}
