namespace NetworkMachinery.Alerting.Engine;

/// <summary>What a flow sums per record (docs/alerting.md, "Flow values").</summary>
internal enum FlowAmount
{
    /// <summary>FlowMessage.bytes: the frame length times the sampling rate.</summary>
    Bytes,

    /// <summary>FlowMessage.packets: the sampling rate.</summary>
    Packets,

    /// <summary>1 per sampled frame, unscaled.</summary>
    Frames,
}
