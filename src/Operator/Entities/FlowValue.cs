namespace NetworkMachinery.Operator.Entities;

/// <summary>The values of <see cref="MonitorFlow.Value"/>.</summary>
public static class FlowValue
{
    /// <summary>Bytes, scaled by the sampling rate.</summary>
    public const string Bytes = "bytes";

    /// <summary>Packets, scaled by the sampling rate.</summary>
    public const string Packets = "packets";

    /// <summary>Sampled frames, unscaled.</summary>
    public const string Frames = "frames";
}
