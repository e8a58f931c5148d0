namespace NetworkMachinery.Operator.Entities;

/// <summary>The values of <see cref="MonitorThreshold.WindowType"/>.</summary>
public static class WindowType
{
    /// <summary>The window slides in steps of a tenth of its length: the value is checked ten times per window.</summary>
    public const string Sliding = "sliding";

    /// <summary>Back-to-back windows: the value is checked once at the end of each.</summary>
    public const string Tumbling = "tumbling";
}
