namespace NetworkMachinery.Operator.Entities;

/// <summary>The values of <see cref="ShapedPod.State"/>.</summary>
public static class ShapingState
{
    /// <summary>Not applied yet.</summary>
    public const string Pending = "Pending";

    /// <summary>The shaping is in place.</summary>
    public const string Applied = "Applied";

    /// <summary>The shaping was taken off again: spec.duration passed, or the pod is gone.</summary>
    public const string Removed = "Removed";

    /// <summary>The shaping could not be put in place; the message says why.</summary>
    public const string Failed = "Failed";
}
